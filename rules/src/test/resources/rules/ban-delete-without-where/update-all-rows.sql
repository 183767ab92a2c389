-- A backfill of a new column on an existing table touches every row: this is the case to catch.
ALTER TABLE users ADD COLUMN IF NOT EXISTS locale text;

-- expect: ban-delete-without-where at "UPDATE users SET locale = 'en'"
UPDATE users SET locale = 'en';

UPDATE users SET locale = 'en' WHERE locale IS NULL AND id BETWEEN 1 AND 10000;

-- expect: ban-delete-without-where at "UPDATE orders SET status = (SELECT code FROM statuses WHERE statuses.id = 1)"
UPDATE orders SET status = (SELECT code FROM statuses WHERE statuses.id = 1);

UPDATE orders o SET total_cents = t.total FROM order_totals t WHERE t.order_id = o.id;
