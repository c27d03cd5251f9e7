-- case: one-letter difference between unrelated short words
-- expect: none
-- before
CREATE TABLE measurements (id serial PRIMARY KEY, data text);
-- migration
ALTER TABLE measurements DROP COLUMN data, ADD COLUMN date text;
