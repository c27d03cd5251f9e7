CREATE TABLE users (id bigserial PRIMARY KEY, age integer);
CREATE TABLE orders (id bigserial PRIMARY KEY, status varchar(20));
CREATE TABLE customers (id bigserial PRIMARY KEY, name text);
CREATE TABLE invoices (id bigserial PRIMARY KEY, memo text);
-- test: migration
-- Incompatible types: an integer column dropped, a text column added.
ALTER TABLE users DROP COLUMN age, ADD COLUMN nickname text;
-- Dropped and re-added under the same name: a type change (drop-column's business), not a rename.
ALTER TABLE orders DROP COLUMN status;
ALTER TABLE orders ADD COLUMN status text;
-- Expand/contract in one migration: the data is copied before the drop.
ALTER TABLE customers ADD COLUMN display_name text;
UPDATE customers SET display_name = name;
ALTER TABLE customers DROP COLUMN name;
-- A table created in this migration.
CREATE TABLE drafts (id bigserial PRIMARY KEY, body text);
ALTER TABLE drafts DROP COLUMN body, ADD COLUMN content text;
-- Compatible family but unlike names and different types: a text memo is not a char(3) currency.
ALTER TABLE invoices DROP COLUMN IF EXISTS memo;
ALTER TABLE invoices ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';
