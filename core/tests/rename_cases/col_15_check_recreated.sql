-- case: qualifier added, check constraint re-created on the new column
-- expect: column line_items.price -> unit_price
-- before
CREATE TABLE line_items (id serial PRIMARY KEY, price numeric(10,2) NOT NULL CONSTRAINT price_positive CHECK (price > 0));
-- migration
ALTER TABLE line_items DROP COLUMN price;
ALTER TABLE line_items ADD COLUMN unit_price numeric(10,2) NOT NULL CONSTRAINT unit_price_positive CHECK (unit_price > 0);
