CREATE TABLE sessions (id bigint PRIMARY KEY, token text);
CREATE TABLE audit (id bigint);
-- test: migration
DROP TABLE sessions;
DROP TABLE IF EXISTS audit CASCADE;
