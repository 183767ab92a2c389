-- setup: CREATE TABLE users (id bigint PRIMARY KEY, created_at timestamptz NOT NULL, deleted_at timestamptz)
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12, 2) NOT NULL, created_at timestamptz NOT NULL)
-- Monthly revenue for the dashboard, refreshed nightly.

-- expect: require-if-not-exists at "CREATE MATERIALIZED VIEW monthly_revenue AS"
CREATE MATERIALIZED VIEW monthly_revenue AS
SELECT date_trunc('month', created_at) AS month, sum(total) AS revenue
FROM orders
GROUP BY 1
WITH NO DATA;

CREATE MATERIALIZED VIEW IF NOT EXISTS daily_signups AS
SELECT created_at::date AS day, count(*) AS signups
FROM users
GROUP BY 1;

-- A plain view is replaced, not guarded: CREATE OR REPLACE is another rule's business.
CREATE OR REPLACE VIEW active_users AS SELECT * FROM users WHERE deleted_at IS NULL;
