-- Types created behind a guard: a handler that catches duplicate_object, or a pg_type check.

DO $$ BEGIN
    CREATE TYPE invoice_status AS ENUM ('draft', 'sent', 'paid', 'void');
EXCEPTION
    WHEN duplicate_object THEN null;
END $$;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'currency_code') THEN
        CREATE DOMAIN currency_code AS char(3) CHECK (VALUE ~ '^[A-Z]{3}$');
    END IF;
END
$$;

DO $$
BEGIN
    IF to_regtype('money_amount') IS NULL THEN
        CREATE TYPE money_amount AS (amount numeric(12, 2), currency char(3));
    END IF;
END
$$;
