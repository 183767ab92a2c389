-- config: {"rules": {"prefer-timestamptz": "warning"}}
-- setup: CREATE TABLE orders (id uuid PRIMARY KEY, placed_at timestamp)

-- expect: prefer-timestamptz at "timestamp"
-- expect: prefer-timestamptz at "timestamp(6) without time zone"
CREATE TABLE IF NOT EXISTS invoices (
    id uuid PRIMARY KEY,
    issued_at timestamptz NOT NULL DEFAULT now(),
    paid_at timestamptz(6),
    due_on date NOT NULL,
    sent_at timestamptz
);

-- expect: prefer-timestamptz at "TIMESTAMP(3)"
ALTER TABLE "orders" ADD COLUMN IF NOT EXISTS "shippedAt" TIMESTAMPTZ(3);

-- expect: prefer-timestamptz at "timestamp"
ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz USING placed_at::timestamp;

-- Already with a time zone: no finding.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS cancelled_at timestamp with time zone;
