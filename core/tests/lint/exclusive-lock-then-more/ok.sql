SET lock_timeout = '2s';
SET statement_timeout = '30min';
-- The lock is taken last: it is released at COMMIT right away.
BEGIN;
UPDATE settings SET value = 'on' WHERE key = 'maintenance';
ALTER TABLE orders ADD COLUMN archived_at timestamptz;
COMMIT;
-- A table created in this transaction: nobody else can be waiting for it.
BEGIN;
CREATE TABLE tags (id bigint PRIMARY KEY);
ALTER TABLE tags ADD COLUMN name text NOT NULL DEFAULT '';
INSERT INTO tags (id, name) VALUES (1, 'urgent');
COMMIT;
-- Outside a transaction each statement commits (and releases its lock) on its own.
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
UPDATE orders SET shipped_at = now() WHERE id = 1;
