CREATE TABLE "articles" ("id" bigserial PRIMARY KEY, "notes" text, "summary" text);
-- test: migration
-- Two dropped and two added text columns with unrelated names: no pair stands out, so no rename is claimed.
ALTER TABLE "articles" DROP COLUMN "notes", DROP COLUMN "summary";
ALTER TABLE "articles" ADD COLUMN "title" text, ADD COLUMN "body" text;
