-- test: history=drizzle
-- test: migration
CREATE SCHEMA "saas";
--> statement-breakpoint
CREATE TABLE "saas"."tenants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "saas"."tenants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" varchar(63) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saas"."invoices" (
	"id" int4 PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL
);
