-- test: migration
BEGIN;
CREATE INDEX CONCURRENTLY i ON t (a);
COMMIT;
