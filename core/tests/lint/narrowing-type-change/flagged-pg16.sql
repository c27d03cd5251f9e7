-- test: pg-version=16 history=prisma
CREATE TABLE "Session" ("id" TEXT NOT NULL, "userId" TEXT NOT NULL, "expires" TIMESTAMP(3) NOT NULL, CONSTRAINT "Session_pkey" PRIMARY KEY ("id"));
-- test: migration
/*
  Warnings:

  - Changed the type of `userId` on the `Session` table. No cast exists, the column would be dropped and recreated, which cannot be done if there is data, since the column is required.

*/
-- AlterTable
ALTER TABLE "Session" ALTER COLUMN "userId" SET DATA TYPE UUID USING "userId"::uuid,
ALTER COLUMN "expires" SET DATA TYPE TIMESTAMP(0);
