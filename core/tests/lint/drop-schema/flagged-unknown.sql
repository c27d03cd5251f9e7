-- test: migration
-- No history given: driftgate cannot tell what "legacy" holds, so CASCADE is assumed to delete data.
DROP SCHEMA IF EXISTS legacy CASCADE;
