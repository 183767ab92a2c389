-- drizzle-kit output: statements end at breakpoints, the last one has no semicolon.
-- expect: require-guarded-type at "CREATE TYPE "public"."plan" AS ENUM"
CREATE TYPE "public"."plan" AS ENUM('free', 'pro', 'team');--> statement-breakpoint
-- expect: require-guarded-type at "CREATE TYPE "public"."seat_role" AS ENUM"
CREATE TYPE "public"."seat_role" AS ENUM('owner', 'member')
