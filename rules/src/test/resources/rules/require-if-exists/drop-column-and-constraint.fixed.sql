-- Dropping a column or a constraint that a first run already dropped fails with
-- undefined_column (42703) and undefined_object (42704).
-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy_token text, phone text)
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12, 2), CONSTRAINT orders_total_positive CHECK (total > 0))

-- expect: require-if-exists at "ALTER TABLE users DROP COLUMN legacy_token"
ALTER TABLE users DROP COLUMN IF EXISTS legacy_token;

-- expect: require-if-exists at "ALTER TABLE orders DROP CONSTRAINT orders_total_positive"
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_positive;

-- One ALTER, two actions: each gets its own IF EXISTS.
-- expect: require-if-exists at "DROP COLUMN email"
ALTER TABLE users DROP COLUMN IF EXISTS phone, DROP COLUMN IF EXISTS email;
