-- The handler catches undefined_object (42704), but dropping a table that is gone raises
-- undefined_table (42P01): the block still fails on a re-run. IF EXISTS goes in inside the block.
-- setup: CREATE TABLE gift_cards (id bigint PRIMARY KEY, balance numeric(12, 2))

DO $$
BEGIN
    -- expect: require-if-exists at "DROP TABLE gift_cards"
    DROP TABLE IF EXISTS gift_cards;
EXCEPTION
    WHEN undefined_object THEN NULL;
END
$$;
