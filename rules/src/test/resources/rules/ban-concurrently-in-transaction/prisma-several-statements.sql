-- config: {"runner": "prisma"}
-- Prisma sends the file as one query; with two statements PostgreSQL runs it as one transaction.
ALTER TABLE "Trace" ADD COLUMN IF NOT EXISTS "environment" TEXT;

-- expect: ban-concurrently-in-transaction at "CREATE INDEX CONCURRENTLY IF NOT EXISTS "Trace_environment_idx""
CREATE INDEX CONCURRENTLY IF NOT EXISTS "Trace_environment_idx" ON "Trace" ("environment");
