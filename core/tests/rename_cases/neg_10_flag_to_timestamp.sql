-- case: boolean replaced by a timestamp of the same idea
-- expect: none
-- before
CREATE TABLE emails (id serial PRIMARY KEY, is_verified boolean NOT NULL DEFAULT false);
-- after
CREATE TABLE emails (id serial PRIMARY KEY, verified_at timestamptz);
