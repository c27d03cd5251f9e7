-- test: migration
DROP INDEX CONCURRENTLY IF EXISTS "x";
CREATE TABLE t (a int);
