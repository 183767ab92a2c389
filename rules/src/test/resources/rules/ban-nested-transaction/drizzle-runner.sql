-- config: {"runner": "drizzle"}
-- setup: CREATE TABLE "accounts" ("id" uuid PRIMARY KEY, "name" text)
-- drizzle-kit runs all pending files in one transaction; START TRANSACTION is BEGIN by another name.
-- expect: ban-nested-transaction at "START TRANSACTION;"
START TRANSACTION;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN IF NOT EXISTS "slug" text;--> statement-breakpoint
COMMIT;
