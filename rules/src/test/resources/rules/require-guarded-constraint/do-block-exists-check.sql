-- setup: CREATE TABLE users (id bigint PRIMARY KEY)
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL)
-- A hand-written guard that looks the constraint up first.

DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM pg_constraint
        WHERE conname = 'orders_user_id_fkey' AND conrelid = 'orders'::regclass
    ) THEN
        ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
    END IF;
END
$$;
