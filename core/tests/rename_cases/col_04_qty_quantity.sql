-- case: abbreviation with the same default
-- expect: column order_items.qty -> quantity
-- before
CREATE TABLE order_items (id serial PRIMARY KEY, order_id integer NOT NULL, qty integer NOT NULL DEFAULT 1, price numeric(10,2) NOT NULL);
-- migration
ALTER TABLE order_items DROP COLUMN qty, ADD COLUMN quantity integer NOT NULL DEFAULT 1;
