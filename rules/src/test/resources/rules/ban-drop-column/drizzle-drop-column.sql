ALTER TABLE "customers" ADD COLUMN IF NOT EXISTS "display_name" text;--> statement-breakpoint
-- expect: ban-drop-column at "ALTER TABLE "customers" DROP COLUMN "nickname""
ALTER TABLE "customers" DROP COLUMN "nickname";--> statement-breakpoint
-- expect: ban-drop-column at "ALTER TABLE "customers" DROP COLUMN IF EXISTS "fax""
ALTER TABLE "customers" DROP COLUMN IF EXISTS "fax";
