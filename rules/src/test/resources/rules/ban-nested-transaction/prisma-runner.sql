-- config: {"runner": "prisma"}
-- setup: CREATE TYPE "Plan" AS ENUM ('FREE', 'PRO', 'LEGACY'); CREATE TABLE "Team" (id text PRIMARY KEY, plan "Plan" NOT NULL)
-- Prisma sends the file as one multi-statement query, which PostgreSQL runs as one implicit transaction:
-- the file's BEGIN warns and its COMMIT ends that transaction before the last statements.

-- expect: ban-nested-transaction at "BEGIN;"
BEGIN;
CREATE TYPE "Plan_new" AS ENUM ('FREE', 'PRO');
ALTER TABLE "Team" ALTER COLUMN "plan" TYPE "Plan_new" USING ("plan"::text::"Plan_new");
ALTER TYPE "Plan" RENAME TO "Plan_old";
ALTER TYPE "Plan_new" RENAME TO "Plan";
DROP TYPE "Plan_old";
COMMIT;
