-- config: {"runner": "prisma"}
-- One statement per Prisma migration file: no transaction, so CONCURRENTLY works.
CREATE INDEX CONCURRENTLY IF NOT EXISTS "observations_trace_id_idx" ON "observations" ("trace_id");
