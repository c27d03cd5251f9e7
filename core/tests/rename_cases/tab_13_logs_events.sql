-- case: logs dropped, events added: only bookkeeping and a text column with a different name
-- expect: none
-- before
CREATE TABLE logs (id serial PRIMARY KEY, message text NOT NULL, level text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- after
CREATE TABLE events (id serial PRIMARY KEY, name text NOT NULL, payload jsonb, created_at timestamptz NOT NULL DEFAULT now());
