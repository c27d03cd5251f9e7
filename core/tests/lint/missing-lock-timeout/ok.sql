CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL);
-- test: migration
SET lock_timeout TO '2s';
SET statement_timeout = '5min';
ALTER TABLE users ADD COLUMN nickname text;
CREATE INDEX orders_user_id_idx ON orders (user_id);
