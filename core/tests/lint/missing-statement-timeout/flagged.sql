-- test: history=drizzle
CREATE TABLE orders (id bigint PRIMARY KEY, note varchar(100), total numeric(12, 2));
-- test: migration
SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
ALTER TABLE orders ALTER COLUMN note TYPE varchar(50);
