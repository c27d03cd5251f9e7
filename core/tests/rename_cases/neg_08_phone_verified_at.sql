-- case: phone dropped, phone_verified_at added
-- expect: none
-- before
CREATE TABLE users (id serial PRIMARY KEY, phone text);
-- migration
ALTER TABLE users DROP COLUMN phone, ADD COLUMN phone_verified_at timestamptz;
