-- Payments moved to the billing service two releases ago.

-- expect: ban-drop-table at "DROP TABLE legacy_payments"
DROP TABLE legacy_payments;

-- IF EXISTS makes the drop re-runnable; the rows are gone all the same.
-- expect: ban-drop-table at "DROP TABLE IF EXISTS public.coupon_redemptions"
DROP TABLE IF EXISTS public.coupon_redemptions;
