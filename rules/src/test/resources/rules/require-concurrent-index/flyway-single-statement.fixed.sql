-- config: {"runner": "flyway"}
-- Flyway runs a file whose only statement is CREATE INDEX CONCURRENTLY outside a transaction.

-- expect: require-concurrent-index at "CREATE INDEX IF NOT EXISTS idx_invoices_customer_id"
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_invoices_customer_id ON invoices (customer_id);
