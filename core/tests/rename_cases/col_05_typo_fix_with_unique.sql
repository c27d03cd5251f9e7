-- case: typo fixed, unique index re-created on the new column
-- expect: column customers.email_adress -> email_address
-- before
CREATE TABLE customers (id serial PRIMARY KEY, email_adress varchar(320) NOT NULL, name text);
CREATE UNIQUE INDEX customers_email_adress_key ON customers (email_adress);
-- migration
DROP INDEX customers_email_adress_key;
ALTER TABLE customers DROP COLUMN email_adress;
ALTER TABLE customers ADD COLUMN email_address varchar(320) NOT NULL;
CREATE UNIQUE INDEX customers_email_address_key ON customers (email_address);
