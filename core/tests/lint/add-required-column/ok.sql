CREATE TABLE users (id bigint PRIMARY KEY);
-- test: migration
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';
ALTER TABLE users ADD COLUMN note text;
ALTER TABLE users ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE TABLE fresh (id int);
ALTER TABLE fresh ADD COLUMN required text NOT NULL;
