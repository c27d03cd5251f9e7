-- test: migration
-- driftgate-ignore drop-table: nothing is dropped here any more
CREATE TABLE t (id int);
-- driftgate-ignore no-such-rule: typo
SELECT 1;
