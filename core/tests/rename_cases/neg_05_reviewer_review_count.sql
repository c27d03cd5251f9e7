-- case: reference dropped, counter added, same integer type
-- expect: none
-- before
CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE submissions (id serial PRIMARY KEY, reviewer_id integer REFERENCES users(id), title text);
-- migration
ALTER TABLE submissions DROP COLUMN reviewer_id;
ALTER TABLE submissions ADD COLUMN review_count integer;
