-- config: {"postgresVersion": 11}
-- Before PostgreSQL 12 SET NOT NULL scans even when a validated CHECK proves it.
ALTER TABLE orders ADD CONSTRAINT orders_status_not_null CHECK (status IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_status_not_null;
-- expect: ban-set-not-null at "ALTER TABLE orders ALTER COLUMN status SET NOT NULL"
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
