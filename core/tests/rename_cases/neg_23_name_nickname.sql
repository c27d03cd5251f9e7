-- case: name dropped, nickname added (letters of one inside the other)
-- expect: none
-- before
CREATE TABLE players (id serial PRIMARY KEY, name text, score integer NOT NULL DEFAULT 0);
-- migration
ALTER TABLE players DROP COLUMN name, ADD COLUMN nickname text;
