-- case: staging table dropped, webhooks table added, both with a payload column
-- expect: none
-- before
CREATE TABLE tmp_import (id serial PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- after
CREATE TABLE webhooks (id serial PRIMARY KEY, url text NOT NULL, secret text NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
