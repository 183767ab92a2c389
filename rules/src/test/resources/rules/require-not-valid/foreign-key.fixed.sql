-- Adding a foreign key to a table that holds rows checks every one of them while writes to both
-- tables wait. NOT VALID skips the check; VALIDATE CONSTRAINT does it later without blocking writes.

-- expect: require-not-valid at "ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey"
ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;

-- expect: require-not-valid at "ALTER TABLE invoices"
ALTER TABLE invoices
    ADD CONSTRAINT invoices_total_positive CHECK (total_cents >= 0) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_total_positive;
