-- setup: CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'GUEST'); CREATE TABLE "User" (id text PRIMARY KEY, role "Role" NOT NULL DEFAULT 'USER')
-- Prisma rewrites an enum inside its own BEGIN … COMMIT. Without a runner profile that wraps the file
-- (the default runner is none) this is the file's only transaction: no finding.
BEGIN;
CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
ALTER TABLE "User" ALTER COLUMN "role" DROP DEFAULT;
ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
ALTER TYPE "Role" RENAME TO "Role_old";
ALTER TYPE "Role_new" RENAME TO "Role";
DROP TYPE "Role_old";
ALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT 'USER';
COMMIT;
