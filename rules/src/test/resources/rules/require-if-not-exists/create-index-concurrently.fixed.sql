-- setup: CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint NOT NULL, number text NOT NULL, due_at timestamptz, paid_at timestamptz)
-- Built without locking writes on the large invoices table; must not run inside a transaction.

-- expect: require-if-not-exists at "CREATE INDEX CONCURRENTLY idx_invoices_unpaid_due_at"
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_invoices_unpaid_due_at ON invoices (due_at) WHERE paid_at IS NULL;

-- expect: require-if-not-exists at "CREATE UNIQUE INDEX CONCURRENTLY invoices_number_key"
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS invoices_number_key ON invoices (number);

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_invoices_customer_id ON invoices (customer_id);
