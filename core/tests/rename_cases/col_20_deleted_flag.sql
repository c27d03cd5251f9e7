-- case: soft-delete flag gains is_ prefix
-- expect: column files.deleted -> is_deleted
-- before
CREATE TABLE files (id serial PRIMARY KEY, path text NOT NULL, deleted boolean NOT NULL DEFAULT false);
-- after
CREATE TABLE files (id serial PRIMARY KEY, path text NOT NULL, is_deleted boolean NOT NULL DEFAULT false);
