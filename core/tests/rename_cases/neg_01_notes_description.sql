-- case: unrelated names, same type, appended
-- expect: none
-- before
CREATE TABLE tasks (id serial PRIMARY KEY, title text NOT NULL, notes text);
-- migration
ALTER TABLE tasks DROP COLUMN notes;
ALTER TABLE tasks ADD COLUMN description text;
