-- test: history=drizzle
CREATE TABLE "customers" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" varchar(100) NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
-- test: migration
ALTER TABLE "customers" RENAME COLUMN "name" TO "full_name";
