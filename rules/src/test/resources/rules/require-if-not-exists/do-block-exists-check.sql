-- setup: CREATE TABLE users (id bigint PRIMARY KEY)
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL)
-- Hand-written guards: each statement runs only when its object is missing.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'idx_orders_status' AND relkind = 'i') THEN
        CREATE INDEX idx_orders_status ON orders (status);
    END IF;

    IF NOT EXISTS (
        SELECT 1 FROM information_schema.columns
        WHERE table_name = 'users' AND column_name = 'phone'
    ) THEN
        ALTER TABLE users ADD COLUMN phone text;
    END IF;

    IF to_regclass('public.refunds') IS NULL THEN
        CREATE TABLE refunds (
            id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            order_id bigint NOT NULL,
            amount   numeric(12, 2) NOT NULL
        );
    END IF;
END
$$;
