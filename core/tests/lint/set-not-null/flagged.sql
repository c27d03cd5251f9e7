CREATE TABLE users (id bigint PRIMARY KEY, email text);
-- test: migration
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
