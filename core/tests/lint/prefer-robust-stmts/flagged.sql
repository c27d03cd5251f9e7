-- test: enable=prefer-robust-stmts
CREATE TABLE orders (id bigint PRIMARY KEY, status text, legacy_code text, CONSTRAINT orders_status_check CHECK (status <> ''));
CREATE INDEX orders_legacy_code_idx ON orders (legacy_code);
CREATE TABLE order_archive (id bigint PRIMARY KEY);
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '5min';
CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint NOT NULL);
CREATE INDEX CONCURRENTLY refunds_order_id_idx ON refunds (order_id);
ALTER TABLE orders ADD COLUMN note text, DROP COLUMN legacy_code, DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD shipped_at timestamptz;
DROP INDEX CONCURRENTLY orders_legacy_code_idx;
DROP TABLE order_archive;
