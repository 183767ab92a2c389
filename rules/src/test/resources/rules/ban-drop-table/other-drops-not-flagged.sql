-- Other objects are other rules' business; GRANT and TRUNCATE are not drops.

DROP VIEW IF EXISTS active_users;
DROP MATERIALIZED VIEW IF EXISTS monthly_revenue;
DROP INDEX IF EXISTS idx_orders_status;
DROP SEQUENCE IF EXISTS invoice_number_seq;
DROP FOREIGN TABLE IF EXISTS remote_customers;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_check;
REVOKE ALL ON TABLE orders FROM reporting;
