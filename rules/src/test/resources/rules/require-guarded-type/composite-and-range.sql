-- Composite and range types fail the same way on a re-run.

-- expect: require-guarded-type at "CREATE TYPE postal_address AS ("
CREATE TYPE postal_address AS (
    street      text,
    city        text,
    postal_code text,
    country     char(2)
);

-- expect: require-guarded-type at "CREATE TYPE price_range AS RANGE"
CREATE TYPE price_range AS RANGE (subtype = numeric);
