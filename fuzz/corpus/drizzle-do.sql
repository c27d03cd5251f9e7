CREATE TABLE "a" ("id" serial PRIMARY KEY);
--> statement-breakpoint
DO $$ BEGIN
 CREATE TYPE "e" AS ENUM('x');
EXCEPTION WHEN duplicate_object THEN null;
END $$;