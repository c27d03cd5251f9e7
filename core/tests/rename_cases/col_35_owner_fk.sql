-- case: Prisma relation field renamed userId → ownerId, foreign key and index re-created
-- expect: column Project.userId -> ownerId
-- before
CREATE TABLE "User" (id text NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY (id));
CREATE TABLE "Project" (id text NOT NULL, name text NOT NULL, "userId" text NOT NULL, CONSTRAINT "Project_pkey" PRIMARY KEY (id));
CREATE INDEX "Project_userId_idx" ON "Project"("userId");
ALTER TABLE "Project" ADD CONSTRAINT "Project_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"(id) ON DELETE RESTRICT ON UPDATE CASCADE;
-- migration
ALTER TABLE "Project" DROP CONSTRAINT "Project_userId_fkey";
DROP INDEX "Project_userId_idx";
ALTER TABLE "Project" DROP COLUMN "userId",
ADD COLUMN "ownerId" TEXT NOT NULL;
CREATE INDEX "Project_ownerId_idx" ON "Project"("ownerId");
ALTER TABLE "Project" ADD CONSTRAINT "Project_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"(id) ON DELETE RESTRICT ON UPDATE CASCADE;
