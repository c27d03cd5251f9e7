-- test: enable=ban-char-field
-- test: migration
-- character varying is not char; neither are text or varchar.
CREATE TABLE "addresses" ("id" bigserial PRIMARY KEY, "country" character varying(2) NOT NULL, "city" text, "zip" varchar(10));
