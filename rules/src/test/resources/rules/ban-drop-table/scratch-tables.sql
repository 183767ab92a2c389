-- Tables this migration makes for itself may be dropped freely: no one else has rows in them.

CREATE TABLE order_totals_staging (order_id bigint PRIMARY KEY, total_cents bigint NOT NULL);
INSERT INTO order_totals_staging (order_id, total_cents)
SELECT order_id, sum(amount_cents) FROM order_lines GROUP BY order_id;
UPDATE orders o SET total_cents = s.total_cents FROM order_totals_staging s WHERE s.order_id = o.id;
DROP TABLE order_totals_staging;

CREATE TEMP TABLE invoice_ids AS SELECT id FROM invoices WHERE issued_at < now() - interval '10 years';
DROP TABLE IF EXISTS invoice_ids;

DROP TABLE IF EXISTS pg_temp.export_batch;
