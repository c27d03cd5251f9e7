-- case: table prefix dropped
-- expect: table blog_posts -> posts
-- before
CREATE TABLE blog_posts (id serial PRIMARY KEY, title text NOT NULL, published boolean NOT NULL DEFAULT false);
-- after
CREATE TABLE posts (id serial PRIMARY KEY, title text NOT NULL, published boolean NOT NULL DEFAULT false);
