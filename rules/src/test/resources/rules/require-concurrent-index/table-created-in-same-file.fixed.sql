-- A table created by this migration is empty and unused: indexing it needs no CONCURRENTLY.
CREATE TABLE IF NOT EXISTS payments (
    id uuid PRIMARY KEY,
    order_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_payments_order_id ON payments (order_id);
CREATE INDEX IF NOT EXISTS idx_payments_created_at ON public.payments (created_at);

-- orders was not created here: it may hold rows.
-- expect: require-concurrent-index at "CREATE INDEX IF NOT EXISTS idx_orders_status"
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_status ON orders (status);
