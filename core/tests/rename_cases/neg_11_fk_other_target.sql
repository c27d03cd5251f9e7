-- case: owner reference to users dropped, owner reference to teams added
-- expect: none
-- before
CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE teams (id serial PRIMARY KEY);
CREATE TABLE boards (id serial PRIMARY KEY, owner_user_id integer REFERENCES users(id), name text);
-- migration
ALTER TABLE boards DROP COLUMN owner_user_id;
ALTER TABLE boards ADD COLUMN owner_team_id integer REFERENCES teams(id);
