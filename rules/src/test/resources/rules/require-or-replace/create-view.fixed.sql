-- A reporting view: a re-run fails with duplicate_table (42P07).
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, status text, total numeric(12, 2))

-- expect: require-or-replace at "CREATE VIEW open_orders"
CREATE OR REPLACE VIEW open_orders AS
    SELECT id, user_id, total FROM orders WHERE status = 'open';

-- expect: require-or-replace at "CREATE RECURSIVE VIEW"
CREATE OR REPLACE RECURSIVE VIEW order_numbers (n) AS
    SELECT 1 UNION ALL SELECT n + 1 FROM order_numbers WHERE n < 10;

-- A temporary view is gone when the session ends: a re-run never meets it.
CREATE TEMP VIEW paid_orders AS SELECT id FROM orders WHERE status = 'paid';
