-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL)
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12, 2) NOT NULL)
-- setup: CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint NOT NULL)
-- Dropping the constraint first, if it exists, makes adding it again safe.

ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_check;
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);

ALTER TABLE public.invoices DROP CONSTRAINT IF EXISTS invoices_order_id_fkey;
ALTER TABLE invoices ADD CONSTRAINT invoices_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id);

ALTER TABLE users
    DROP CONSTRAINT IF EXISTS users_email_key,
    ADD CONSTRAINT users_email_key UNIQUE (email);
