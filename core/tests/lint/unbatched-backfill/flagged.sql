CREATE TABLE users (id bigint PRIMARY KEY, first_name text, last_name text, full_name text, role text, updated_at timestamptz);
CREATE TABLE sessions (id uuid PRIMARY KEY, user_id bigint NOT NULL);
-- test: migration
ALTER TABLE users ADD COLUMN IF NOT EXISTS "displayName" text;
UPDATE users SET full_name = first_name || ' ' || last_name, "displayName" = coalesce(first_name, "$anon");
UPDATE users AS u SET role = 'member' RETURNING u.id;
DELETE FROM sessions;
