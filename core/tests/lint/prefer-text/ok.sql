-- test: enable=prefer-text
-- test: migration
-- text, varchar without a length (the same as text) and other types are fine.
CREATE TABLE "notes" ("id" bigserial PRIMARY KEY, "title" text NOT NULL, "slug" varchar, "tags" text[]);
