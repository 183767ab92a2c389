-- drizzle-kit output: statements end at breakpoints, the last one has no semicolon.
-- expect: require-guarded-type at "CREATE TYPE "public"."plan" AS ENUM"
DO $$ BEGIN
CREATE TYPE "public"."plan" AS ENUM('free', 'pro', 'team');
EXCEPTION WHEN duplicate_object THEN null;
END $$;--> statement-breakpoint
-- expect: require-guarded-type at "CREATE TYPE "public"."seat_role" AS ENUM"
DO $$ BEGIN
CREATE TYPE "public"."seat_role" AS ENUM('owner', 'member');
EXCEPTION WHEN duplicate_object THEN null;
END $$;
