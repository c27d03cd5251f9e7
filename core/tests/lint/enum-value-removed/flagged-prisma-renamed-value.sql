-- test: history=prisma
CREATE TYPE "Plan" AS ENUM ('FREE', 'PRO', 'TEAM');
CREATE TABLE "Account" ("id" TEXT NOT NULL, "plan" "Plan" NOT NULL DEFAULT 'FREE', CONSTRAINT "Account_pkey" PRIMARY KEY ("id"));
CREATE TABLE "Invoice" ("id" TEXT NOT NULL, "plan" "Plan" NOT NULL, CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id"));
-- test: migration
-- The enum value TEAM was renamed to BUSINESS in schema.prisma; Prisma recreates the type.
-- AlterEnum
BEGIN;
CREATE TYPE "Plan_new" AS ENUM ('FREE', 'PRO', 'BUSINESS');
ALTER TABLE "Account" ALTER COLUMN "plan" DROP DEFAULT;
ALTER TABLE "Account" ALTER COLUMN "plan" TYPE "Plan_new" USING ("plan"::text::"Plan_new");
ALTER TABLE "Invoice" ALTER COLUMN "plan" TYPE "Plan_new" USING ("plan"::text::"Plan_new");
ALTER TYPE "Plan" RENAME TO "Plan_old";
ALTER TYPE "Plan_new" RENAME TO "Plan";
DROP TYPE "Plan_old";
ALTER TABLE "Account" ALTER COLUMN "plan" SET DEFAULT 'FREE';
COMMIT;
