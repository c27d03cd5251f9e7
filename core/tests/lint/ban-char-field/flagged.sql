-- test: enable=ban-char-field
-- test: migration
CREATE TABLE "addresses" (
    "id" bigserial PRIMARY KEY,
    "country" CHAR(2) NOT NULL,
    "state" character (3),
    "flag" char
);
