CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL);
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '30min';
ALTER TABLE users ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();
ALTER TABLE events ADD COLUMN seq bigserial;
ALTER TABLE events ADD COLUMN shard int DEFAULT (floor(random() * 16))::int;
-- Unknown function: its volatility cannot be told, so it is treated as volatile.
ALTER TABLE events ADD COLUMN slug text DEFAULT public.make_slug();
