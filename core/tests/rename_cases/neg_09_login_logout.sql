-- case: last_login_at dropped, last_logout_at added (same type)
-- expect: none
-- before
CREATE TABLE devices (id serial PRIMARY KEY, last_login_at timestamptz);
-- migration
ALTER TABLE devices DROP COLUMN last_login_at;
ALTER TABLE devices ADD COLUMN last_logout_at timestamptz;
