-- test: history=prisma
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'GUEST');
CREATE TABLE "User" ("id" SERIAL NOT NULL, "role" "Role" NOT NULL DEFAULT 'USER', CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'PRIVATE');
-- test: migration
-- Adding values and renaming one keep every row valid.
ALTER TYPE "Role" ADD VALUE 'MODERATOR';
ALTER TYPE "Role" RENAME VALUE 'GUEST' TO 'VISITOR';
-- Recreated with every old value (plus a new one in the middle): nothing is removed.
BEGIN;
CREATE TYPE "Visibility_new" AS ENUM ('PUBLIC', 'UNLISTED', 'PRIVATE');
ALTER TYPE "Visibility" RENAME TO "Visibility_old";
ALTER TYPE "Visibility_new" RENAME TO "Visibility";
DROP TYPE "Visibility_old";
COMMIT;
-- An enum created in this migration may be recreated freely: no row holds it yet.
CREATE TYPE "Theme" AS ENUM ('LIGHT', 'DARK', 'SEPIA');
DROP TYPE "Theme";
CREATE TYPE "Theme" AS ENUM ('LIGHT', 'DARK');
