-- An unnamed CHECK gets a new generated name on every run (orders_total_check, then
-- orders_total_check1): nothing is raised, so no handler can guard it. Reported without a fix.
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12, 2) NOT NULL)

DO $$
BEGIN
    -- expect: require-matching-handler at "ALTER TABLE orders ADD CHECK (total >= 0)"
    ALTER TABLE orders ADD CHECK (total >= 0);
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;
