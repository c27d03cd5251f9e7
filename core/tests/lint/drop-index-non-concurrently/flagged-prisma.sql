-- test: history=prisma
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_name_idx" ON "User"("name");
-- test: migration
-- DropIndex
DROP INDEX "User_name_idx";

-- AlterTable
ALTER TABLE "User" ADD COLUMN "displayName" TEXT;
