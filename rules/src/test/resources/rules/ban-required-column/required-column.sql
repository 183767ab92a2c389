-- Existing rows would get NULL in a NOT NULL column: the statement fails on any table with rows.

-- expect: ban-required-column at "ALTER TABLE orders ADD COLUMN currency text NOT NULL"
ALTER TABLE orders ADD COLUMN currency text NOT NULL;

-- expect: ban-required-column at "ALTER TABLE "Document" ADD COLUMN IF NOT EXISTS "teamId" INTEGER NOT NULL"
ALTER TABLE "Document" ADD COLUMN IF NOT EXISTS "teamId" INTEGER NOT NULL;

-- DEFAULT NULL is no default.
-- expect: ban-required-column at "ALTER TABLE invoices ADD COLUMN issuer_id uuid DEFAULT NULL NOT NULL"
ALTER TABLE invoices ADD COLUMN issuer_id uuid DEFAULT NULL NOT NULL;
