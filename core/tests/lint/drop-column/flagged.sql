CREATE TABLE "users" ("id" serial PRIMARY KEY, "email" text, "legacy_flag" boolean);
-- test: migration
ALTER TABLE "users" DROP COLUMN "legacy_flag";
ALTER TABLE users DROP COLUMN IF EXISTS email, ADD COLUMN nickname text;
