-- case: similar table names but a different table: api_tokens dropped, api_clients added
-- expect: none
-- before
CREATE TABLE api_tokens (id serial PRIMARY KEY, token_hash text NOT NULL, expires_at timestamptz);
-- after
CREATE TABLE api_clients (id serial PRIMARY KEY, client_name text NOT NULL, redirect_uri text NOT NULL);
