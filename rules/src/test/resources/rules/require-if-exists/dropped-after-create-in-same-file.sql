-- A scratch table created and dropped by the same file: a re-run creates it again before it
-- drops it, so the DROP cannot fail.
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12, 2))

CREATE TABLE IF NOT EXISTS orders_backfill AS SELECT id, total FROM orders;
UPDATE orders SET total = round(total, 2) WHERE id IN (SELECT id FROM orders_backfill);
DROP TABLE orders_backfill;
