-- case: tree table renamed, self-referencing foreign key follows
-- expect: table categories -> taxonomy_nodes
-- before
CREATE TABLE categories (id serial PRIMARY KEY, parent_id integer REFERENCES categories(id), label text NOT NULL, position integer NOT NULL DEFAULT 0);
-- after
CREATE TABLE taxonomy_nodes (id serial PRIMARY KEY, parent_id integer REFERENCES taxonomy_nodes(id), label text NOT NULL, position integer NOT NULL DEFAULT 0);
