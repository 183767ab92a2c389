-- Each of these gives existing rows a value, or adds to a table created in this migration.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS currency text NOT NULL DEFAULT 'EUR';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS line_no integer GENERATED ALWAYS AS IDENTITY NOT NULL;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS total_with_tax numeric NOT NULL GENERATED ALWAYS AS (total * 1.2) STORED;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS seq bigserial NOT NULL;

CREATE TABLE IF NOT EXISTS refunds (id uuid PRIMARY KEY);
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS amount_cents integer NOT NULL;

-- Prisma's pattern when a required column cannot be filled: empty the table first.
DELETE FROM "UserProfile";
ALTER TABLE "UserProfile" ADD COLUMN "userId" INTEGER NOT NULL;
TRUNCATE TABLE coupons, coupon_redemptions;
ALTER TABLE coupon_redemptions ADD COLUMN IF NOT EXISTS order_id uuid NOT NULL;
