-- test: pg-version=10
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '30min';
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE users ADD COLUMN deleted_at timestamptz DEFAULT NULL;
