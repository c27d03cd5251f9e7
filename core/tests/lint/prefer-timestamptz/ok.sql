-- test: migration
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" timestamp with time zone,
    "day" date,
    "at" time,
    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);
