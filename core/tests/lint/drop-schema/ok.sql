CREATE SCHEMA "staging";
CREATE SCHEMA "archive";
CREATE TABLE "archive"."events_2019" ("id" bigint PRIMARY KEY);
-- test: migration
-- A scratch schema created and dropped within this migration holds nothing anyone wrote.
CREATE SCHEMA "import_tmp";
CREATE TABLE "import_tmp"."rows" ("line" text);
DROP SCHEMA "import_tmp" CASCADE;
-- "staging" is known to be empty: without CASCADE this either succeeds or fails harmlessly.
DROP SCHEMA "staging";
-- Emptied earlier in this migration, then dropped without CASCADE (the table drop is drop-table's business).
DROP TABLE "archive"."events_2019";
DROP SCHEMA "archive";
