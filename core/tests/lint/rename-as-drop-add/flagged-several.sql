CREATE TABLE "contacts" (
    "id" bigserial PRIMARY KEY,
    "email_adress" varchar(120),
    "phone_nr" varchar(32),
    "fax" varchar(32),
    "age" integer
);
-- test: migration
-- Typos fixed in the ORM schema; the fax number is really gone.
ALTER TABLE "contacts"
    DROP COLUMN "email_adress",
    DROP COLUMN "phone_nr",
    DROP COLUMN "fax",
    ADD COLUMN "email_address" varchar(255),
    ADD COLUMN "phone_number" varchar(32);
