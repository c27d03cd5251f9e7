-- case: Prisma-generated drop+add, made required
-- expect: column User.name -> displayName
-- before
CREATE TABLE "User" (id text NOT NULL, email text NOT NULL, name text, CONSTRAINT "User_pkey" PRIMARY KEY (id));
-- migration
ALTER TABLE "User" DROP COLUMN "name",
ADD COLUMN "displayName" TEXT NOT NULL;
