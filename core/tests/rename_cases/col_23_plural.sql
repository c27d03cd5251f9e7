-- case: singular to plural for an array column
-- expect: column posts.tag -> tags
-- before
CREATE TABLE posts (id serial PRIMARY KEY, title text, tag text[] NOT NULL DEFAULT '{}');
-- migration
ALTER TABLE posts DROP COLUMN tag;
ALTER TABLE posts ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
