CREATE SCHEMA "billing";
CREATE SCHEMA "reporting";
CREATE TABLE "billing"."invoices" ("id" bigserial PRIMARY KEY, "total" numeric(12, 2) NOT NULL);
CREATE TABLE "billing"."payments" ("id" bigserial PRIMARY KEY, "invoice_id" bigint NOT NULL REFERENCES "billing"."invoices"("id"));
CREATE TABLE "reporting"."daily_revenue" ("day" date PRIMARY KEY, "revenue" numeric(14, 2) NOT NULL);
-- test: migration
-- Billing moved to Stripe; reporting is rebuilt elsewhere.
DROP SCHEMA "billing" CASCADE;
DROP SCHEMA IF EXISTS "reporting";
