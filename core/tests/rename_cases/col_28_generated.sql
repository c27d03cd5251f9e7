-- case: generated column renamed, same expression
-- expect: column people.search -> search_vector
-- before
CREATE TABLE people (id serial PRIMARY KEY, name text NOT NULL, search tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED);
-- migration
ALTER TABLE people DROP COLUMN search;
ALTER TABLE people ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED;
