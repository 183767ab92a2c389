-- IF EXISTS makes the drop re-runnable, but the data is gone all the same.

-- expect: ban-drop-column at "ALTER TABLE invoices DROP COLUMN IF EXISTS pdf_url"
ALTER TABLE invoices DROP COLUMN IF EXISTS pdf_url;

-- expect: ban-drop-column at "ALTER TABLE IF EXISTS public.orders DROP COLUMN IF EXISTS coupon_code CASCADE"
ALTER TABLE IF EXISTS public.orders DROP COLUMN IF EXISTS coupon_code CASCADE;
