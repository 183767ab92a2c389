-- setup: CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric(12, 2))
-- Currency support for invoices: several columns in one ALTER TABLE.

-- expect: require-if-not-exists at "ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR'"
-- expect: require-if-not-exists at "ADD tax_rate numeric(5, 2)"
ALTER TABLE invoices
    ADD COLUMN IF NOT EXISTS currency char(3) NOT NULL DEFAULT 'EUR',
    ADD COLUMN IF NOT EXISTS notes text,
    ADD IF NOT EXISTS tax_rate numeric(5, 2),
    ALTER COLUMN amount SET NOT NULL;
