CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12, 2));
-- test: migration
SET statement_timeout = '5min';
SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
-- A table created here takes no lock anyone waits for.
CREATE TABLE refunds (id bigint PRIMARY KEY, amount numeric(12, 2));
ALTER TABLE refunds ADD COLUMN reason text;
