-- setup: CREATE TABLE users (id bigint PRIMARY KEY)
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL)
-- setup: CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint NOT NULL)
-- Orders belong to users. PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS: a second run raises
-- duplicate_object (42710).

-- expect: require-guarded-constraint at "ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id)"
ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;

-- expect: require-guarded-constraint at "ALTER TABLE invoices"
ALTER TABLE invoices
    ADD CONSTRAINT invoices_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
