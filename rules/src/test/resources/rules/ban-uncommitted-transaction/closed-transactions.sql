-- setup: CREATE TABLE orders (id uuid PRIMARY KEY, status text, shipped_at timestamptz)
-- Every way of ending a transaction: COMMIT, END, ROLLBACK. No finding.
BEGIN;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS carrier text;
COMMIT;

START TRANSACTION;
UPDATE orders SET carrier = 'ups' WHERE carrier IS NULL AND shipped_at IS NOT NULL;
END;

BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT count(*) FROM orders WHERE status = 'open';
ROLLBACK;

-- A DO block's BEGIN … END is a PL/pgSQL block, not a transaction.
DO $$
BEGIN
    ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('open', 'closed'));
EXCEPTION WHEN duplicate_object THEN null;
END $$;
