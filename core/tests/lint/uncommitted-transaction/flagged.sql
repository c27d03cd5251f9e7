CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE users ADD COLUMN bio text;
UPDATE users SET bio = '' WHERE id = 1;
