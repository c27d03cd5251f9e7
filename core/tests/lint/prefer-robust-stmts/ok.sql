-- test: enable=prefer-robust-stmts
CREATE TABLE orders (id bigint PRIMARY KEY, legacy_code text);
CREATE INDEX orders_legacy_code_idx ON orders (legacy_code);
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '5min';
CREATE TABLE IF NOT EXISTS refunds (id bigint PRIMARY KEY, order_id bigint NOT NULL);
CREATE INDEX CONCURRENTLY IF NOT EXISTS refunds_order_id_idx ON refunds (order_id);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text, DROP COLUMN IF EXISTS legacy_code;
DROP INDEX CONCURRENTLY IF EXISTS orders_legacy_code_idx;
-- In a transaction a failure leaves nothing behind to trip a retry.
BEGIN;
CREATE TABLE credits (id bigint PRIMARY KEY);
DROP TABLE credits;
COMMIT;
