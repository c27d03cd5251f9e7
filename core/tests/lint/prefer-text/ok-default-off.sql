-- test: migration
-- prefer-text is off unless enabled.
CREATE TABLE "users" ("id" bigserial PRIMARY KEY, "email" varchar(255) NOT NULL);
