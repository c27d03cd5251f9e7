SET lock_timeout = '2s';
SET statement_timeout = '30min';
BEGIN;
ALTER TABLE orders ADD COLUMN archived_at timestamptz;
SET LOCAL statement_timeout = '1h';
UPDATE orders SET archived_at = now() WHERE status = 'archived';
CREATE INDEX orders_archived_at_idx ON orders (archived_at);
COMMIT;
