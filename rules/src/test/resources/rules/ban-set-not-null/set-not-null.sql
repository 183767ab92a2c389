-- SET NOT NULL scans the whole table while reads and writes wait.

-- expect: ban-set-not-null at "ALTER TABLE orders ALTER COLUMN status SET NOT NULL"
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;

-- expect: ban-set-not-null at "ALTER COLUMN user_id SET NOT NULL"
ALTER TABLE invoices ALTER COLUMN number SET DEFAULT 'draft', ALTER COLUMN user_id SET NOT NULL;
