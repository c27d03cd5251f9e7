-- case: a real rename next to a real drop+add of the same type
-- expect: column employees.dept -> department
-- before
CREATE TABLE employees (id serial PRIMARY KEY, dept text, nickname text);
-- migration
ALTER TABLE employees DROP COLUMN dept, DROP COLUMN nickname;
ALTER TABLE employees ADD COLUMN department text, ADD COLUMN pronouns text;
