CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);
-- test: migration
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE UNIQUE INDEX IF NOT EXISTS "orders_id_customer_key" ON "orders" USING btree ("id", "customer_id");
