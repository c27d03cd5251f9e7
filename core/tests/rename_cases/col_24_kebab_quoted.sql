-- case: kebab-case quoted name to snake_case
-- expect: column imports.source-file -> source_file
-- before
CREATE TABLE imports (id serial PRIMARY KEY, "source-file" text NOT NULL, rows integer);
-- after
CREATE TABLE imports (id serial PRIMARY KEY, source_file text NOT NULL, rows integer);
