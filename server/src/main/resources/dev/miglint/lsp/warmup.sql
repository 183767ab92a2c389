-- Analysed by the server itself at start-up (Warmup), so the first keystrokes of a user run
-- compiled code. A mix of the statements migrations are made of, guarded and not.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    name text,
    created_at timestamp DEFAULT now()
);
CREATE TABLE IF NOT EXISTS orders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    status order_status NOT NULL DEFAULT 'new',
    total numeric(12, 2) CHECK (total >= 0),
    note json
);
--> statement-breakpoint
CREATE INDEX idx_orders_customer ON orders (customer_id);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_customers_email ON customers (lower(email));
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS region text NOT NULL DEFAULT 'eu';
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
DO $$ BEGIN
  ALTER TABLE orders ADD CONSTRAINT orders_region_check CHECK (region IN ('eu', 'us'));
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2);
ALTER TABLE customers ALTER COLUMN name SET NOT NULL;
ALTER TABLE customers RENAME COLUMN name TO full_name;
ALTER TABLE customers DROP COLUMN IF EXISTS legacy_code;
ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;
CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.created_at := now();
  RETURN NEW;
END;
$fn$;
CREATE TRIGGER customers_touch BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION touch();
CREATE VIEW paid_orders AS SELECT * FROM orders WHERE status = 'paid';
INSERT INTO customers (email, full_name) VALUES ('a@example.com', 'A') ON CONFLICT DO NOTHING;
INSERT INTO customers (email, full_name) VALUES ('b@example.com', 'B');
UPDATE orders SET region = 'us' WHERE region IS NULL;
DELETE FROM orders;
TRUNCATE orders;
DROP INDEX idx_orders_customer;
DROP TABLE IF EXISTS old_orders;
CREATE SCHEMA reporting;
CREATE SEQUENCE IF NOT EXISTS invoice_numbers;
COMMENT ON TABLE orders IS 'What customers bought';
GRANT SELECT ON orders TO reporting_role;
BEGIN;
ALTER TABLE orders SET (fillfactor = 90);
COMMIT;
