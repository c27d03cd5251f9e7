-- case: min_price dropped, max_price added
-- expect: none
-- before
CREATE TABLE filters (id serial PRIMARY KEY, min_price integer);
-- migration
ALTER TABLE filters DROP COLUMN min_price, ADD COLUMN max_price integer;
