-- setup: CREATE TABLE orders (id uuid PRIMARY KEY, status text)
-- START TRANSACTION opens a transaction too; the last statement also lacks its semicolon.

-- expect: ban-uncommitted-transaction at "START TRANSACTION ISOLATION LEVEL SERIALIZABLE"
START TRANSACTION ISOLATION LEVEL SERIALIZABLE;
UPDATE orders SET status = 'archived' WHERE status = 'closed'