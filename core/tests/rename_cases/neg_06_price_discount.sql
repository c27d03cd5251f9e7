-- case: same uncommon numeric type, unrelated names, appended
-- expect: none
-- before
CREATE TABLE products (id serial PRIMARY KEY, name text NOT NULL, price numeric(10,2));
-- migration
ALTER TABLE products DROP COLUMN price;
ALTER TABLE products ADD COLUMN discount numeric(10,2);
