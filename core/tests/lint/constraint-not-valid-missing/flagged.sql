CREATE SCHEMA app;
CREATE TABLE app.accounts (id bigint PRIMARY KEY);
CREATE TABLE app.invoices (id bigint PRIMARY KEY, account_id bigint, total numeric(12, 2));
CREATE TABLE app.payments (id bigint PRIMARY KEY, invoice_id bigint, amount numeric(12, 2));
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '15min';

ALTER TABLE app.invoices
    ADD CONSTRAINT invoices_account_id_fkey
    FOREIGN KEY (account_id) REFERENCES app.accounts (id) ON DELETE RESTRICT;

-- Unnamed constraints, two in one statement.
ALTER TABLE app.payments ADD FOREIGN KEY (invoice_id) REFERENCES app.invoices (id), ADD CHECK (amount > 0);
