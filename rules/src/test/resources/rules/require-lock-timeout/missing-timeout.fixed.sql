-- config: {"rules": {"require-lock-timeout": "warning"}}
-- Without lock_timeout, an ALTER TABLE waiting behind a long query makes every other query queue.

-- expect: require-lock-timeout at "ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text"
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;

-- expect: require-lock-timeout at "CREATE INDEX IF NOT EXISTS idx_orders_note"
CREATE INDEX IF NOT EXISTS idx_orders_note ON orders (note);

-- CONCURRENTLY and VALIDATE take locks that let reads and writes go on.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_created_at ON orders (created_at);
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;
