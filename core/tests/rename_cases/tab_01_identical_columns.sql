-- case: table renamed, columns and constraints identical
-- expect: table users -> accounts
-- before
CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name text, created_at timestamptz NOT NULL DEFAULT now());
-- after
CREATE TABLE accounts (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name text, created_at timestamptz NOT NULL DEFAULT now());
