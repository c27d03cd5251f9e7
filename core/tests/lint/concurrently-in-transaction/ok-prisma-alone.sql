-- test: history=prisma
-- test: migration
CREATE INDEX CONCURRENTLY "Post_authorId_idx" ON "Post"("authorId");
