-- case: table renamed and a column added
-- expect: table posts -> articles
-- before
CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE posts (id serial PRIMARY KEY, title text NOT NULL, body text NOT NULL, author_id integer NOT NULL REFERENCES users(id), created_at timestamptz NOT NULL DEFAULT now());
-- after
CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL, body text NOT NULL, slug text, author_id integer NOT NULL REFERENCES users(id), created_at timestamptz NOT NULL DEFAULT now());
