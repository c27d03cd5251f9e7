-- case: username → user_name with varchar widened, unique constraint re-created
-- expect: column accounts.username -> user_name
-- before
CREATE TABLE accounts (id serial PRIMARY KEY, username varchar(50) NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now());
-- after
CREATE TABLE accounts (id serial PRIMARY KEY, user_name varchar(100) NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now());
