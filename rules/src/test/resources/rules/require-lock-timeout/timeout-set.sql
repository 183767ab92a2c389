-- config: {"rules": {"require-lock-timeout": "warning"}}
-- Tables created here are unused; the rest run with a lock timeout.
CREATE TABLE IF NOT EXISTS refunds (id uuid PRIMARY KEY, order_id uuid);
ALTER TABLE refunds ADD COLUMN IF NOT EXISTS reason text;
CREATE INDEX IF NOT EXISTS idx_refunds_order_id ON refunds (order_id);

BEGIN;
SET LOCAL lock_timeout = '3s';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS refunded_at timestamptz;
DROP TRIGGER IF EXISTS orders_audit ON orders;
COMMIT;

RESET lock_timeout;
-- expect: require-lock-timeout at "DROP TABLE IF EXISTS legacy_orders"
DROP TABLE IF EXISTS legacy_orders;
