CREATE TABLE legacy (id int);
-- test: migration
-- driftgate-ignore drop-table: legacy is unused since v2, archived in ticket OPS-12
DROP TABLE legacy;
