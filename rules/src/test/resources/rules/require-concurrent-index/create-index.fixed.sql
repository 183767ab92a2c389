-- Indexes on tables that earlier migrations created and that serve traffic: a plain CREATE INDEX
-- blocks every write to them until the build finishes.

-- expect: require-concurrent-index at "CREATE INDEX idx_orders_user_id ON orders (user_id)"
CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id);

-- expect: require-concurrent-index at "CREATE UNIQUE INDEX IF NOT EXISTS users_email_key"
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (lower(email));

-- expect: require-concurrent-index at "CREATE INDEX ON invoices"
CREATE INDEX CONCURRENTLY ON invoices USING gin (metadata);
