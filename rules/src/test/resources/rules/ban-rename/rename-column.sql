-- expect: ban-rename at "ALTER TABLE orders RENAME COLUMN total TO total_cents"
ALTER TABLE orders RENAME COLUMN total TO total_cents;

-- The COLUMN keyword is optional.
-- expect: ban-rename at "ALTER TABLE IF EXISTS "Customers" RENAME "Email" TO email"
ALTER TABLE IF EXISTS "Customers" RENAME "Email" TO email;
