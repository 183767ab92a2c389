-- setup: CREATE TABLE invoices (id bigint PRIMARY KEY, amount_cents bigint NOT NULL)
-- Invoice amounts are never negative.

-- expect: require-guarded-constraint at "ALTER TABLE invoices ADD CONSTRAINT invoices_amount_cents_check CHECK (amount_cents >= 0)"
DO $$ BEGIN
ALTER TABLE invoices ADD CONSTRAINT invoices_amount_cents_check CHECK (amount_cents >= 0);
EXCEPTION WHEN duplicate_object THEN null;
END $$;
