-- setup: CREATE TABLE orders (id bigint PRIMARY KEY)
CREATE TABLE IF NOT EXISTS "order_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" bigint NOT NULL,
	"body" text NOT NULL
);
--> statement-breakpoint
-- expect: require-guarded-constraint at "ALTER TABLE "order_notes" ADD CONSTRAINT "order_notes_order_id_orders_id_fk""
ALTER TABLE "order_notes" ADD CONSTRAINT "order_notes_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "order_notes_order_id_idx" ON "order_notes" USING btree ("order_id");
