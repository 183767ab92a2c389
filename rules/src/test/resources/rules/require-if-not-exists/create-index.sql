-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, username text NOT NULL)
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL)
-- Lookup indexes for the order history page.

-- expect: require-if-not-exists at "CREATE INDEX idx_orders_user_id ON orders (user_id)"
CREATE INDEX idx_orders_user_id ON orders (user_id);

-- expect: require-if-not-exists at "CREATE UNIQUE INDEX users_email_lower_key ON users"
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

-- expect: require-if-not-exists at "CREATE INDEX idx_orders_created_at ON orders USING brin"
CREATE INDEX idx_orders_created_at ON orders USING brin (created_at);

CREATE INDEX IF NOT EXISTS idx_orders_status ON orders (status);
CREATE UNIQUE INDEX IF NOT EXISTS users_username_key ON users (username);
