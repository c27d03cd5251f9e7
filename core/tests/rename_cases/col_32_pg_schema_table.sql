-- case: column rename in a table outside the default schema
-- expect: column billing.invoices.amt -> amount
-- before
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id serial PRIMARY KEY, amt numeric(14,2) NOT NULL, issued_on date NOT NULL);
-- migration
ALTER TABLE billing.invoices DROP COLUMN amt, ADD COLUMN amount numeric(14,2) NOT NULL;
