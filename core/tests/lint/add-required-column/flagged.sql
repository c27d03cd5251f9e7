CREATE TABLE users (id bigint PRIMARY KEY);
-- test: migration
ALTER TABLE users ADD COLUMN status text NOT NULL;
