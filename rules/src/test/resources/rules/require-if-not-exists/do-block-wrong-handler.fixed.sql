-- The handler catches duplicate_object (42710), but creating a table that exists raises
-- duplicate_table (42P07): the block still fails on a re-run.

DO $$
BEGIN
    -- expect: require-if-not-exists at "CREATE TABLE payment_methods"
    CREATE TABLE IF NOT EXISTS payment_methods (
        id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id bigint NOT NULL,
        brand   text   NOT NULL
    );
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;
