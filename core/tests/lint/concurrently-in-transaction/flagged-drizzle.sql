-- test: history=drizzle
-- test: migration
DROP INDEX CONCURRENTLY IF EXISTS "users_email_idx";
