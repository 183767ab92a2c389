-- config: {"postgresVersion": 10}
-- Before PostgreSQL 11 every non-NULL default is written into each row.
-- expect: ban-volatile-default at "ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'pending'"
ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'pending';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text DEFAULT NULL;
