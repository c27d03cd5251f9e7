SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
CREATE TABLE teams (id bigint PRIMARY KEY, name text NOT NULL);
COMMIT;
START TRANSACTION ISOLATION LEVEL SERIALIZABLE;
CREATE TABLE members (team_id bigint NOT NULL, user_id bigint NOT NULL);
COMMIT;
-- BEGIN inside a routine body or a DO block is not a transaction.
CREATE FUNCTION team_count() RETURNS bigint LANGUAGE sql
BEGIN ATOMIC
  SELECT count(*) FROM teams;
END;
DO $$
BEGIN
  CREATE TABLE IF NOT EXISTS invites (id bigint PRIMARY KEY);
END $$;
