-- setup: CREATE TABLE users (id uuid PRIMARY KEY)
-- setup: CREATE TABLE orders (id uuid PRIMARY KEY)
-- An inline REFERENCES on a new column is a foreign key PostgreSQL checks at once, and it cannot
-- be NOT VALID.

-- expect: require-not-valid at "ALTER TABLE orders ADD COLUMN IF NOT EXISTS user_id uuid REFERENCES users (id)"
ALTER TABLE orders ADD COLUMN IF NOT EXISTS user_id uuid REFERENCES users (id);

-- The safe form: the column first, the constraint NOT VALID, then VALIDATE.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS buyer_id uuid;
ALTER TABLE orders ADD CONSTRAINT orders_buyer_id_fkey FOREIGN KEY (buyer_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_buyer_id_fkey;

-- A table created in this file holds no rows yet.
CREATE TABLE IF NOT EXISTS invoices (id uuid PRIMARY KEY);
ALTER TABLE invoices ADD COLUMN IF NOT EXISTS user_id uuid REFERENCES users (id);
