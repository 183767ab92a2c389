-- Drops of other things are other rules' business (ban-drop-table, require-if-exists …).

ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_check;
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE users ALTER COLUMN nickname DROP DEFAULT;
ALTER TABLE users ALTER COLUMN phone DROP NOT NULL;
ALTER TABLE invoices ALTER COLUMN number DROP IDENTITY IF EXISTS;
DROP INDEX IF EXISTS idx_orders_status;
DROP TABLE IF EXISTS import_staging;
DROP TABLE legacy_payments;
DROP VIEW IF EXISTS active_users;
ALTER TABLE orders RENAME COLUMN drop_reason TO cancel_reason;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS dropped_at timestamptz;
