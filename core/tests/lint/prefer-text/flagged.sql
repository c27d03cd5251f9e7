-- test: enable=prefer-text history=drizzle
CREATE TABLE "customers" ("id" serial PRIMARY KEY NOT NULL, "email" text NOT NULL);
-- test: migration
CREATE TABLE "addresses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"line1" text NOT NULL,
	"postal_code" character varying(16) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "email" SET DATA TYPE varchar(255);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "phone" varchar(20);
