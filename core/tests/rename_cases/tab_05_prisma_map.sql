-- case: Prisma @@map added: "Post" → posts, with columns to snake_case
-- expect: table Post -> posts
-- expect: column posts.createdAt -> created_at
-- expect: column posts.authorId -> author_id
-- before
CREATE TABLE "User" (id serial PRIMARY KEY);
CREATE TABLE "Post" (id serial PRIMARY KEY, title text NOT NULL, "authorId" integer NOT NULL REFERENCES "User"(id), "createdAt" timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);
-- after
CREATE TABLE "User" (id serial PRIMARY KEY);
CREATE TABLE posts (id serial PRIMARY KEY, title text NOT NULL, author_id integer NOT NULL REFERENCES "User"(id), created_at timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);
