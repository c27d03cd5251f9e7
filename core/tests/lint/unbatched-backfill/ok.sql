CREATE TABLE users (id bigint PRIMARY KEY, role text);
-- test: migration
-- A bounded update is fine.
UPDATE users SET role = 'admin' WHERE id IN (1, 2, 3);
DELETE FROM users WHERE role = 'deleted' AND id < 100;
-- A table created (and filled) in this migration.
CREATE TABLE roles (name text PRIMARY KEY, rank int);
INSERT INTO roles (name) VALUES ('admin'), ('member');
UPDATE roles SET rank = 0;
