-- case: unrelated names, composite unique index re-created with the other column kept
-- expect: column projects.title -> name
-- before
CREATE TABLE projects (id serial PRIMARY KEY, org_id integer NOT NULL, title varchar(200) NOT NULL);
CREATE UNIQUE INDEX projects_org_title ON projects (org_id, title);
-- migration
DROP INDEX projects_org_title;
ALTER TABLE projects DROP COLUMN title;
ALTER TABLE projects ADD COLUMN name varchar(200) NOT NULL;
CREATE UNIQUE INDEX projects_org_name ON projects (org_id, name);
