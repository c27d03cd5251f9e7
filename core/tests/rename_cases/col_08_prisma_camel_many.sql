-- case: three columns moved to camelCase at once, FK and index re-created
-- expect: column posts.created_at -> createdAt
-- expect: column posts.updated_at -> updatedAt
-- expect: column posts.author_id -> authorId
-- before
CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE posts (id serial PRIMARY KEY, title text NOT NULL, author_id integer NOT NULL REFERENCES users(id), created_at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at timestamp(3) NOT NULL);
CREATE INDEX posts_author_id_idx ON posts (author_id);
-- after
CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE posts (id serial PRIMARY KEY, title text NOT NULL, "authorId" integer NOT NULL REFERENCES users(id), "createdAt" timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" timestamp(3) NOT NULL);
CREATE INDEX "posts_authorId_idx" ON posts ("authorId");
