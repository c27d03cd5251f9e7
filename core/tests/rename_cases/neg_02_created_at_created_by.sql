-- case: created_at dropped, created_by added (types differ)
-- expect: none
-- before
CREATE TABLE documents (id serial PRIMARY KEY, title text, created_at timestamptz NOT NULL DEFAULT now());
-- after
CREATE TABLE documents (id serial PRIMARY KEY, title text, created_by uuid NOT NULL);
