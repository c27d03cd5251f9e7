CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);
-- test: migration
-- A column added earlier in this migration has no readers yet.
ALTER TABLE users ADD COLUMN nick text;
ALTER TABLE users RENAME COLUMN nick TO nickname;
-- A table created in this migration.
CREATE TABLE teams (id bigserial PRIMARY KEY, title text);
ALTER TABLE teams RENAME COLUMN title TO name;
-- Renaming an index or a constraint is not a column rename.
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
ALTER TABLE users RENAME CONSTRAINT users_email_key TO users_email_unique;
