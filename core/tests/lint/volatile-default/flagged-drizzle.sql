-- test: history=drizzle
CREATE TABLE "accounts" ("id" serial PRIMARY KEY NOT NULL, "name" text NOT NULL);
-- test: migration
ALTER TABLE "accounts" ADD COLUMN "external_id" uuid DEFAULT uuid_generate_v4() NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "row_number" integer GENERATED ALWAYS AS IDENTITY (sequence name "accounts_row_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1);
