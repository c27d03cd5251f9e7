-- test: history=drizzle
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '5min';
ALTER TABLE users ADD COLUMN nickname text;
-- Turning it off again leaves the next lock unprotected.
SET lock_timeout = 0;
ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '') NOT VALID;
