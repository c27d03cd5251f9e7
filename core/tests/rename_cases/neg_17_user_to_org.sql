-- case: user_id dropped, org_id added, same type, no foreign keys
-- expect: none
-- before
CREATE TABLE api_keys (id serial PRIMARY KEY, user_id integer NOT NULL, token text NOT NULL);
-- migration
ALTER TABLE api_keys DROP COLUMN user_id, ADD COLUMN org_id integer NOT NULL;
