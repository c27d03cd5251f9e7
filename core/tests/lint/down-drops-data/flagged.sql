-- test: down
-- The up migration (20240301_audit.up.sql) as history:
CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);
CREATE TABLE audit_events (id bigserial PRIMARY KEY, user_id bigint REFERENCES users (id), action text NOT NULL);
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';
ALTER TABLE users ADD COLUMN referral_code text NOT NULL;
-- test: migration
-- 20240301_audit.down.sql
ALTER TABLE users DROP COLUMN status;
ALTER TABLE users DROP COLUMN referral_code;
TRUNCATE audit_events;
DROP TABLE audit_events;
