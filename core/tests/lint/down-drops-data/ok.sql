-- test: down
CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL, status text NOT NULL);
CREATE INDEX users_status_idx ON users (status);
-- test: migration
-- A rollback that keeps the data: relax what would break the previous release, drop only indexes.
DROP INDEX users_status_idx;
ALTER TABLE users ALTER COLUMN status DROP NOT NULL;
