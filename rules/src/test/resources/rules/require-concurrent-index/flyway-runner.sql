-- config: {"runner": "flyway"}
-- Flyway would refuse CONCURRENTLY beside the ALTER TABLE in the same file: no fix here.
ALTER TABLE IF EXISTS invoices ADD COLUMN IF NOT EXISTS due_at timestamptz;

-- expect: require-concurrent-index at "CREATE INDEX IF NOT EXISTS idx_invoices_due_at"
CREATE INDEX IF NOT EXISTS idx_invoices_due_at ON invoices (due_at);
