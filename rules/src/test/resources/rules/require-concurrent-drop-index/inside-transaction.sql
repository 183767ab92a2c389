-- Inside BEGIN … COMMIT the CONCURRENTLY form would fail: flagged without a fix.
BEGIN;
-- expect: require-concurrent-drop-index at "DROP INDEX IF EXISTS idx_invoices_paid_at"
DROP INDEX IF EXISTS idx_invoices_paid_at;
COMMIT;
