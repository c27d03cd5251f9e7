CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint, total numeric(12, 2));
-- test: migration
SET lock_timeout = '3s';
SET statement_timeout = '15min';
ALTER TABLE invoices ADD CONSTRAINT invoices_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_account_id_fkey;
ALTER TABLE invoices ADD CONSTRAINT invoices_total_check CHECK (total >= 0) NOT VALID;
-- A table created in this migration is empty: validating is instant.
CREATE TABLE invoice_lines (id bigint PRIMARY KEY, invoice_id bigint NOT NULL, qty int);
ALTER TABLE invoice_lines ADD CONSTRAINT invoice_lines_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES invoices (id);
ALTER TABLE invoice_lines ADD CONSTRAINT invoice_lines_qty_check CHECK (qty > 0);
