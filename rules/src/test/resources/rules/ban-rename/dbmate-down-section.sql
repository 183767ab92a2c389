-- migrate:up
-- expect: ban-rename at "ALTER TABLE products RENAME COLUMN price TO price_cents"
ALTER TABLE products RENAME COLUMN price TO price_cents;

-- migrate:down
ALTER TABLE products RENAME COLUMN price_cents TO price;
