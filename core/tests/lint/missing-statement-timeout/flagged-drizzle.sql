-- test: history=drizzle
CREATE TABLE "orders" ("id" serial PRIMARY KEY NOT NULL, "status" text NOT NULL);
-- test: migration
CREATE INDEX IF NOT EXISTS "orders_status_index" ON "orders" USING btree ("status");
