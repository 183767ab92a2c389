-- A DO block alone guards nothing. The rule cannot wrap a statement already inside a block,
-- so it reports without a fix.

DO $$
BEGIN
    RAISE NOTICE 'creating shipment_state';
    -- expect: require-guarded-type at "CREATE TYPE shipment_state"
    CREATE TYPE shipment_state AS ENUM ('packed', 'in_transit', 'delivered');
END
$$;
