-- test: history=drizzle
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL);
-- test: migration
-- Only the first locking statement is reported: one SET at the top fixes all.
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE orders ADD COLUMN note text;
CREATE INDEX orders_user_id_idx ON orders (user_id);
