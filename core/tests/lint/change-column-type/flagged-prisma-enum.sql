-- test: history=prisma
CREATE TYPE "Plan" AS ENUM ('FREE', 'PRO', 'ENTERPRISE');
CREATE TABLE "organizations" ("id" TEXT NOT NULL, "plan" "Plan" NOT NULL DEFAULT 'FREE', CONSTRAINT "organizations_pkey" PRIMARY KEY ("id"));
-- test: migration
-- AlterEnum
BEGIN;
CREATE TYPE "Plan_new" AS ENUM ('FREE', 'PRO', 'TEAM');
ALTER TABLE "organizations" ALTER COLUMN "plan" DROP DEFAULT;
ALTER TABLE "organizations" ALTER COLUMN "plan" TYPE "Plan_new" USING ("plan"::text::"Plan_new");
ALTER TYPE "Plan" RENAME TO "Plan_old";
ALTER TYPE "Plan_new" RENAME TO "Plan";
DROP TYPE "Plan_old";
ALTER TABLE "organizations" ALTER COLUMN "plan" SET DEFAULT 'FREE';
COMMIT;
