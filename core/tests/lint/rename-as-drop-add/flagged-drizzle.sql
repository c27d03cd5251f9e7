-- test: history=drizzle
CREATE TABLE "products" (
	"id" serial PRIMARY KEY NOT NULL,
	"sku" varchar(32) NOT NULL,
	"title" text NOT NULL,
	"notes" text,
	"price" numeric(10, 2) DEFAULT '0.00' NOT NULL,
	CONSTRAINT "products_sku_unique" UNIQUE("sku")
);
--> statement-breakpoint
CREATE TABLE "orders" ("id" serial PRIMARY KEY NOT NULL, "customer_id" integer NOT NULL);
--> statement-breakpoint
CREATE INDEX "orders_customer_id_idx" ON "orders" USING btree ("customer_id");
-- test: migration
DROP INDEX "orders_customer_id_idx";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" DROP COLUMN "notes";
