-- expect: ban-cascade at "DROP VIEW IF EXISTS active_customers CASCADE"
DROP VIEW IF EXISTS active_customers CASCADE;

-- expect: ban-cascade at "DROP TYPE order_status CASCADE"
DROP TYPE order_status CASCADE;

-- expect: ban-cascade at "DROP FUNCTION IF EXISTS invoice_total(bigint) CASCADE"
DROP FUNCTION IF EXISTS invoice_total(bigint) CASCADE;

DROP VIEW IF EXISTS active_customers RESTRICT;
DROP TYPE IF EXISTS order_status;
