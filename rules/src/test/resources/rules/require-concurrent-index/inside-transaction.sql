-- Inside BEGIN … COMMIT, adding CONCURRENTLY would make the statement fail, so no fix is offered.
BEGIN;

-- expect: require-concurrent-index at "CREATE INDEX IF NOT EXISTS idx_invoices_due_at"
CREATE INDEX IF NOT EXISTS idx_invoices_due_at ON invoices (due_at);

COMMIT;
