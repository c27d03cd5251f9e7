-- case: synonym rename in place with nothing but structure as evidence (hard)
-- expect: column venues.town -> city
-- before
CREATE TABLE venues (id serial PRIMARY KEY, name text NOT NULL, town text NOT NULL, capacity integer);
-- after
CREATE TABLE venues (id serial PRIMARY KEY, name text NOT NULL, city text NOT NULL, capacity integer);
