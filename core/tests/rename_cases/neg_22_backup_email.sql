-- case: email dropped, backup_email added: a qualified name for a different column (hard)
-- expect: none
-- before
CREATE TABLE admins (id serial PRIMARY KEY, email text, role text NOT NULL);
-- migration
ALTER TABLE admins DROP COLUMN email;
ALTER TABLE admins ADD COLUMN backup_email text;
