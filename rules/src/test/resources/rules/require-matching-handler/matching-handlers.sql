-- Handlers that catch what each statement raises again: nothing to report.
-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL)
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, total numeric(12, 2) NOT NULL)

DO $$
BEGIN
    ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
EXCEPTION
    WHEN duplicate_table THEN NULL;
END
$$;

DO $$
BEGIN
    ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
    ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

DO $$
BEGIN
    CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
EXCEPTION
    WHEN SQLSTATE '42710' THEN NULL;
END
$$;

DO $$
BEGIN
    CREATE INDEX idx_orders_user_id ON orders (user_id);
EXCEPTION
    WHEN others THEN NULL;
END
$$;

-- A class condition catches every error of its class (42: syntax error or access rule violation).
DO $$
BEGIN
    ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
EXCEPTION
    WHEN syntax_error_or_access_rule_violation THEN NULL;
END
$$;

-- An existence check needs no handler at all.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'orders_pkey_shadow') THEN
        ALTER TABLE orders ADD CONSTRAINT orders_pkey_shadow UNIQUE (id, user_id);
    END IF;
EXCEPTION
    WHEN undefined_table THEN NULL;
END
$$;
