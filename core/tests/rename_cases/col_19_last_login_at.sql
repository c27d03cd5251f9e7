-- case: suffix added to a timestamp
-- expect: column sessions.last_login -> last_login_at
-- before
CREATE TABLE sessions (id uuid PRIMARY KEY, user_id integer NOT NULL, last_login timestamptz);
-- migration
ALTER TABLE sessions DROP COLUMN last_login, ADD COLUMN last_login_at timestamptz;
