-- config: {"runner": "flyway"}
-- Flyway runs a file holding CREATE INDEX CONCURRENTLY without a transaction of its own, so the
-- BEGIN written in it opens the only transaction: nothing is nested.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_id_idx ON orders (user_id);

BEGIN;
UPDATE orders SET status = 'new' WHERE status IS NULL;
COMMIT;
