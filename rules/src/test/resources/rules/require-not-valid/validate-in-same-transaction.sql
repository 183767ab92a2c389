-- Validating in the same transaction keeps the ADD's lock for the whole scan: nothing gained.
BEGIN;
-- expect: require-not-valid at "ALTER TABLE invoices ADD CONSTRAINT invoices_order_id_fkey"
ALTER TABLE invoices ADD CONSTRAINT invoices_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE invoices ADD CONSTRAINT invoices_currency_check CHECK (currency IN ('EUR', 'USD')) NOT VALID;
-- expect: require-not-valid at "ALTER TABLE invoices VALIDATE CONSTRAINT invoices_currency_check"
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_currency_check;
COMMIT;

-- After the COMMIT the validation runs in a transaction of its own.
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
COMMIT;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;

-- supabase db diff writes NOT VALID + VALIDATE even for the tables it has just created: harmless.
BEGIN;
CREATE TABLE IF NOT EXISTS api_keys (id uuid PRIMARY KEY, user_id uuid NOT NULL);
ALTER TABLE api_keys ADD CONSTRAINT api_keys_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE api_keys VALIDATE CONSTRAINT api_keys_user_id_fkey;
COMMIT;
