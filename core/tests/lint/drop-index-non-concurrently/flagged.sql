CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL, customer_id bigint NOT NULL);
CREATE INDEX orders_status_idx ON orders (status);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '5min';
DROP INDEX orders_status_idx;
DROP INDEX IF EXISTS "public"."orders_customer_id_idx";
-- Not in the model: its table is unknown, so it is flagged; CASCADE rules out the fix.
DROP INDEX legacy_orders_idx CASCADE;
