CREATE TABLE "posts" ("id" bigserial PRIMARY KEY, "title" text NOT NULL);
CREATE INDEX "posts_title_idx" ON "posts" ("title");
-- test: migration
-- A table created in this migration has no readers yet.
CREATE TABLE "post_drafts_tmp" ("id" bigserial PRIMARY KEY);
ALTER TABLE "post_drafts_tmp" RENAME TO "post_drafts";
-- Renaming an index is not a table rename.
ALTER INDEX "posts_title_idx" RENAME TO "posts_by_title_idx";
