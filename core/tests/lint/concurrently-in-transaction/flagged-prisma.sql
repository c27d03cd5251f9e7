-- test: history=prisma
-- test: migration
-- CreateIndex
CREATE INDEX CONCURRENTLY "Post_authorId_idx" ON "Post"("authorId");
-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
