-- test: history=drizzle
CREATE SCHEMA "saas";
--> statement-breakpoint
CREATE TABLE "audit_log" ("id" bigserial PRIMARY KEY NOT NULL, "action" text NOT NULL);
-- test: migration
ALTER TABLE "public"."audit_log" SET SCHEMA "saas";
