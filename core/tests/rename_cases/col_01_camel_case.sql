-- case: Prisma field renamed to camelCase, schema edited in place
-- expect: column users.full_name -> fullName
-- before
CREATE TABLE users (id serial PRIMARY KEY, full_name text, email text NOT NULL);
-- after
CREATE TABLE users (id serial PRIMARY KEY, "fullName" text, email text NOT NULL);
