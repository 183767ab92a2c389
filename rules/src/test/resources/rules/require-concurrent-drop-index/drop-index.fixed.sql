-- A plain DROP INDEX locks the orders table against reads and writes while it waits for running queries.

-- expect: require-concurrent-drop-index at "DROP INDEX IF EXISTS idx_orders_legacy_status"
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_legacy_status;

-- expect: require-concurrent-drop-index at "DROP INDEX billing.idx_invoices_old"
DROP INDEX CONCURRENTLY billing.idx_invoices_old;

DROP INDEX CONCURRENTLY IF EXISTS idx_orders_created_at_old;
