SET lock_timeout = '2s';
SET statement_timeout = '1min';
BEGIN;
ALTER TABLE payments RENAME TO payments_v1;
-- driftgate-ignore exclusive-lock-then-more: the rename and the view must be atomic
CREATE VIEW payments AS SELECT * FROM payments_v1;
COMMIT;
