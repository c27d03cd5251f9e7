CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
-- test: migration
-- A plain folder is applied by `driftgate deploy`, which sets lock_timeout itself.
ALTER TABLE users ADD COLUMN nickname text;
