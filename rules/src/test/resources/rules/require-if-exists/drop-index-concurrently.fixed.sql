-- An index replaced by a better one; CONCURRENTLY comes before IF EXISTS.
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, created_at timestamptz)
-- setup: CREATE INDEX idx_orders_created_at ON orders (created_at)
-- setup: CREATE INDEX idx_orders_user_id ON orders (user_id)

-- expect: require-if-exists at "DROP INDEX CONCURRENTLY idx_orders_created_at"
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_created_at;

-- expect: require-if-exists at "DROP INDEX idx_orders_user_id"
DROP INDEX IF EXISTS idx_orders_user_id;
