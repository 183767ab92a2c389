-- PostgreSQL refuses these inside BEGIN … COMMIT (25001 active_sql_transaction).
BEGIN;

-- expect: ban-concurrently-in-transaction at "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_user_id"
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_user_id ON orders (user_id);

-- expect: ban-concurrently-in-transaction at "DROP INDEX CONCURRENTLY IF EXISTS idx_orders_old"
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_old;

-- expect: ban-concurrently-in-transaction at "REINDEX INDEX CONCURRENTLY idx_orders_status"
REINDEX INDEX CONCURRENTLY idx_orders_status;

-- expect: ban-concurrently-in-transaction at "ALTER TABLE measurements DETACH PARTITION measurements_2019 CONCURRENTLY"
ALTER TABLE measurements DETACH PARTITION measurements_2019 CONCURRENTLY;

-- REFRESH MATERIALIZED VIEW CONCURRENTLY is allowed in a transaction.
REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;

COMMIT;

-- After the COMMIT it runs on its own.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_created_at ON orders (created_at);
