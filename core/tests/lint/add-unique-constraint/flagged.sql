CREATE TABLE memberships (id bigint PRIMARY KEY, org_id bigint NOT NULL, user_id bigint);
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '30min';
ALTER TABLE memberships ADD UNIQUE NULLS NOT DISTINCT (org_id, user_id);
