CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email varchar(255) NOT NULL,
    name text NOT NULL
);
-- test: migration
ALTER TABLE customers ADD COLUMN full_name text NOT NULL;
CREATE INDEX customers_full_name_idx ON customers (full_name);
ALTER TABLE customers DROP COLUMN name;
