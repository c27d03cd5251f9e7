-- test: history=drizzle enable=prefer-robust-stmts
-- test: migration
CREATE TABLE "credits" ("id" serial PRIMARY KEY NOT NULL);
--> statement-breakpoint
CREATE INDEX "credits_id_index" ON "credits" USING btree ("id");
