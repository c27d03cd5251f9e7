CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
-- test: migration
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
-- New table: the index is built on no rows.
CREATE TABLE api_keys (id bigint PRIMARY KEY, token text NOT NULL);
ALTER TABLE api_keys ADD CONSTRAINT api_keys_token_key UNIQUE (token);
