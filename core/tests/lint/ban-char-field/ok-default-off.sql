-- test: migration
-- ban-char-field is off unless enabled.
CREATE TABLE "addresses" ("id" bigserial PRIMARY KEY, "country" char(2) NOT NULL);
