-- test: history=prisma
CREATE TABLE "Post" ("id" SERIAL NOT NULL, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
-- test: migration
-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "postId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" timestamp without time zone,
    "remindAt" timestamp(0) without time zone[],

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "Post" ADD COLUMN "publishedAt" TIMESTAMP(3),
ALTER COLUMN "id" SET DATA TYPE INTEGER;

-- AlterTable
ALTER TABLE "Post" ADD COLUMN "archivedAt" text;
ALTER TABLE "Post" ALTER COLUMN "archivedAt" SET DATA TYPE timestamp USING "archivedAt"::timestamp;
