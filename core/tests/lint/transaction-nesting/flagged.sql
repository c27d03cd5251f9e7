CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE users ADD COLUMN bio text;
BEGIN;
ALTER TABLE users ADD COLUMN avatar_url text;
COMMIT;
ALTER TABLE users ADD COLUMN locale text;
COMMIT;
