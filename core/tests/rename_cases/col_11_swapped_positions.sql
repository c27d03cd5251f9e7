-- case: two renames whose new columns swapped places
-- expect: column addresses.street -> street_name
-- expect: column addresses.city -> city_name
-- before
CREATE TABLE addresses (id serial PRIMARY KEY, street text NOT NULL, city text NOT NULL, zip text);
-- after
CREATE TABLE addresses (id serial PRIMARY KEY, city_name text NOT NULL, street_name text NOT NULL, zip text);
