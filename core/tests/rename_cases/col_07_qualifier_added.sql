-- case: qualifier word added
-- expect: column contacts.email -> email_address
-- before
CREATE TABLE contacts (id serial PRIMARY KEY, email text, phone text);
-- migration
ALTER TABLE contacts DROP COLUMN email;
ALTER TABLE contacts ADD COLUMN email_address text;
