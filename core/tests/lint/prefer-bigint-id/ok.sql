CREATE TABLE "legacy_users" ("id" serial PRIMARY KEY);
-- test: migration
-- 64-bit keys, UUID keys, composite keys of join tables, and existing tables are not flagged.
CREATE TABLE "events" ("id" bigserial PRIMARY KEY, "kind" text NOT NULL);
CREATE TABLE "accounts" ("id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
CREATE TABLE "sessions" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid());
CREATE TABLE "event_tags" ("event_id" integer NOT NULL, "tag_id" integer NOT NULL, PRIMARY KEY ("event_id", "tag_id"));
CREATE TABLE "countries" ("code" char(2) PRIMARY KEY, "id" integer NOT NULL);
ALTER TABLE "legacy_users" ADD COLUMN "email" text;
