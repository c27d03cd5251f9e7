-- case: one rename, one real drop, one real add in the same table
-- expect: column members.phone -> phone_number
-- before
CREATE TABLE members (id serial PRIMARY KEY, name text NOT NULL, age integer, phone text);
-- migration
ALTER TABLE members DROP COLUMN age, DROP COLUMN phone, ADD COLUMN birth_date date, ADD COLUMN phone_number text;
