-- case: words swapped, column appended by a migration
-- expect: column people.name_full -> full_name
-- before
CREATE TABLE people (id bigint PRIMARY KEY, name_full varchar(120) NOT NULL, age integer);
-- migration
ALTER TABLE people DROP COLUMN name_full, ADD COLUMN full_name varchar(120) NOT NULL;
