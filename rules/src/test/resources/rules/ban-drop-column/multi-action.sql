-- Discounts move to the promotions table: two drops and an add in one statement.

-- expect: ban-drop-column at "DROP COLUMN discount_cents"
-- expect: ban-drop-column at "DROP discount_reason"
ALTER TABLE orders
    ADD COLUMN IF NOT EXISTS promotion_id bigint,
    DROP COLUMN discount_cents,
    DROP discount_reason;
