-- case: width_px dropped, height_px added
-- expect: none
-- before
CREATE TABLE images (id serial PRIMARY KEY, url text NOT NULL, width_px integer);
-- after
CREATE TABLE images (id serial PRIMARY KEY, url text NOT NULL, height_px integer);
