-- The recommended pattern: a quick NOT VALID add, then a validation that lets reads and writes go on.
ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;

-- Tables created in this migration are empty: a plain constraint is fine.
CREATE TABLE IF NOT EXISTS refunds (id uuid PRIMARY KEY, order_id uuid NOT NULL, amount_cents int NOT NULL);
ALTER TABLE refunds ADD CONSTRAINT refunds_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE refunds ADD CONSTRAINT refunds_amount_positive CHECK (amount_cents > 0);

-- UNIQUE and PRIMARY KEY are another rule's business.
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
