-- expect: ban-cascade at "ALTER TABLE orders DROP COLUMN IF EXISTS coupon_code CASCADE"
-- expect: ban-drop-column at "ALTER TABLE orders DROP COLUMN IF EXISTS coupon_code CASCADE"
ALTER TABLE orders DROP COLUMN IF EXISTS coupon_code CASCADE;

-- Dropping a unique constraint with CASCADE drops the foreign keys that point at it.
-- expect: ban-cascade at "ALTER TABLE customers DROP CONSTRAINT customers_email_key CASCADE"
ALTER TABLE customers DROP CONSTRAINT customers_email_key CASCADE;
