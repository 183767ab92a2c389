-- Built concurrently: writes to orders go on during the build.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_created_at ON orders (created_at);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_number_key ON orders (number);
