-- test: history=drizzle
CREATE TABLE "users" ("id" serial PRIMARY KEY NOT NULL, "email" varchar(320) NOT NULL, "handle" text);
-- test: migration
ALTER TABLE "users" ADD CONSTRAINT "users_email_unique" UNIQUE("email");
