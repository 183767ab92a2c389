-- config: {"rules": {"prefer-timestamptz": "warning"}}
-- setup: CREATE TABLE "Document" (id text PRIMARY KEY, "completedAt" timestamptz)
-- Prisma changes a column type with SET DATA TYPE.

-- expect: prefer-timestamptz at "TIMESTAMP(3)"
ALTER TABLE "Document" ALTER COLUMN "completedAt" SET DATA TYPE TIMESTAMP(3);
