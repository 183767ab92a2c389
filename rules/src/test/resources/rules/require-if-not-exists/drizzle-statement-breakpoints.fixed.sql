-- expect: require-if-not-exists at "CREATE TABLE "customers""
CREATE TABLE IF NOT EXISTS "customers" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" varchar(255) NOT NULL,
	"created_at" timestamp DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "carts" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL
);
--> statement-breakpoint
-- expect: require-if-not-exists at "ALTER TABLE "carts" ADD COLUMN "updated_at" timestamp"
ALTER TABLE "carts" ADD COLUMN IF NOT EXISTS "updated_at" timestamp;--> statement-breakpoint
-- expect: require-if-not-exists at "CREATE UNIQUE INDEX "customers_email_idx""
CREATE UNIQUE INDEX IF NOT EXISTS "customers_email_idx" ON "customers" USING btree ("email");
