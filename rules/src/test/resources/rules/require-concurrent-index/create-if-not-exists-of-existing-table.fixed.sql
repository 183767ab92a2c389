-- setup: CREATE TABLE orders (id uuid PRIMARY KEY, status text)
-- orders exists already, so CREATE TABLE IF NOT EXISTS does nothing: the table keeps its rows.
CREATE TABLE IF NOT EXISTS orders (id uuid PRIMARY KEY, status text);

-- expect: require-concurrent-index at "CREATE INDEX IF NOT EXISTS idx_orders_status"
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_status ON orders (status);
