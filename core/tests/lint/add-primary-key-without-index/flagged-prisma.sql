-- test: history=prisma
CREATE TABLE "AuditLog" ("id" TEXT NOT NULL, "action" TEXT NOT NULL, "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);
-- test: migration
-- AlterTable
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id");
