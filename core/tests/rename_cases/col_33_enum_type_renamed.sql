-- case: enum type renamed together with the column
-- expect: column members.role -> member_role
-- before
CREATE TYPE role AS ENUM ('admin', 'editor', 'viewer');
CREATE TABLE members (id serial PRIMARY KEY, email text NOT NULL, role role NOT NULL DEFAULT 'viewer');
-- after
CREATE TYPE member_role AS ENUM ('admin', 'editor', 'viewer');
CREATE TABLE members (id serial PRIMARY KEY, email text NOT NULL, member_role member_role NOT NULL DEFAULT 'viewer');
