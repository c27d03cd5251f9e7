-- case: a new table that happens to share id and created_at with a dropped one
-- expect: none
-- before
CREATE TABLE sessions (id serial PRIMARY KEY, token text NOT NULL, user_agent text, created_at timestamptz NOT NULL DEFAULT now());
-- after
CREATE TABLE audit_logs (id serial PRIMARY KEY, action text NOT NULL, payload jsonb, created_at timestamptz NOT NULL DEFAULT now());
