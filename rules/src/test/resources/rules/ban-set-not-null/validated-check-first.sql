-- PostgreSQL 12+: a validated CHECK (col IS NOT NULL) lets SET NOT NULL skip its scan.
ALTER TABLE orders ADD CONSTRAINT orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_status_not_null;
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_status_not_null;

-- A check on another column proves nothing about this one.
ALTER TABLE orders ADD CONSTRAINT orders_user_id_not_null CHECK ((user_id IS NOT NULL)) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_not_null;
-- expect: ban-set-not-null at "ALTER TABLE orders ALTER COLUMN coupon_id SET NOT NULL"
ALTER TABLE orders ALTER COLUMN coupon_id SET NOT NULL;

-- Added NOT VALID but never validated: the scan still happens.
ALTER TABLE invoices ADD CONSTRAINT invoices_due_at_not_null CHECK (due_at IS NOT NULL) NOT VALID;
-- expect: ban-set-not-null at "ALTER TABLE invoices ALTER COLUMN due_at SET NOT NULL"
ALTER TABLE invoices ALTER COLUMN due_at SET NOT NULL;

-- A table created here is empty.
CREATE TABLE IF NOT EXISTS refunds (id uuid PRIMARY KEY, reason text);
ALTER TABLE refunds ALTER COLUMN reason SET NOT NULL;
