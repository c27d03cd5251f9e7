CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '30min';
-- Constants and stable functions are stored once in the catalog (PG 11+): instant.
ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE users ADD COLUMN updated_at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';
ALTER TABLE users ADD COLUMN settings jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE users ADD COLUMN is_admin boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN tags text[] DEFAULT ARRAY[]::text[];
ALTER TABLE users ADD COLUMN code varchar(12) DEFAULT 'x'::varchar(12);
-- The safe split: no default on ADD, then a default for new rows only.
ALTER TABLE users ADD COLUMN public_id uuid;
ALTER TABLE users ALTER COLUMN public_id SET DEFAULT gen_random_uuid();
-- A table created in this migration has no rows to rewrite.
CREATE TABLE sessions (id bigint PRIMARY KEY);
ALTER TABLE sessions ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();
