-- Data-modifying WITH queries are checked like the statement they feed.

-- expect: ban-delete-without-where at "DELETE FROM orders RETURNING *"
WITH moved AS (DELETE FROM orders RETURNING *)
INSERT INTO orders_archive SELECT * FROM moved;

WITH moved AS (DELETE FROM orders WHERE created_at < now() - interval '2 years' RETURNING *)
INSERT INTO orders_archive SELECT * FROM moved;

-- expect: ban-delete-without-where at "WITH defaults AS (SELECT 'EUR' AS code)"
WITH defaults AS (SELECT 'EUR' AS code)
UPDATE invoices SET currency = defaults.code FROM defaults;

-- expect: ban-delete-without-where at "UPDATE "Customers" SET "Tier" = 'basic'"
WITH touched AS MATERIALIZED (UPDATE "Customers" SET "Tier" = 'basic' RETURNING id)
SELECT count(*) FROM touched;
