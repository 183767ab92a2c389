-- Composite and range types fail the same way on a re-run.

-- expect: require-guarded-type at "CREATE TYPE postal_address AS ("
DO $$ BEGIN
CREATE TYPE postal_address AS (
    street      text,
    city        text,
    postal_code text,
    country     char(2)
);
EXCEPTION WHEN duplicate_object THEN null;
END $$;

-- expect: require-guarded-type at "CREATE TYPE price_range AS RANGE"
DO $$ BEGIN
CREATE TYPE price_range AS RANGE (subtype = numeric);
EXCEPTION WHEN duplicate_object THEN null;
END $$;
