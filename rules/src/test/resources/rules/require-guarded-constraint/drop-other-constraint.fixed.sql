-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12, 2) NOT NULL, status text NOT NULL)
-- setup: CREATE TABLE invoices (id bigint PRIMARY KEY)
-- Only a DROP CONSTRAINT IF EXISTS of the same constraint on the same table protects the ADD.

ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_positive;
-- expect: require-guarded-constraint at "ALTER TABLE orders ADD CONSTRAINT orders_total_check"
DO $$ BEGIN
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
EXCEPTION WHEN duplicate_object THEN null;
END $$;

ALTER TABLE invoices DROP CONSTRAINT IF EXISTS invoices_status_check;
-- expect: require-guarded-constraint at "ALTER TABLE orders ADD CONSTRAINT invoices_status_check"
DO $$ BEGIN
ALTER TABLE orders ADD CONSTRAINT invoices_status_check CHECK (status IN ('open', 'paid', 'void'));
EXCEPTION WHEN duplicate_object THEN null;
END $$;
