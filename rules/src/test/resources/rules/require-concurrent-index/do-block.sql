-- A DO block runs as one statement in one transaction: CONCURRENTLY cannot go there.
DO $$
BEGIN
    IF to_regclass('public.idx_users_last_login_at') IS NULL THEN
        -- expect: require-concurrent-index at "CREATE INDEX idx_users_last_login_at"
        CREATE INDEX idx_users_last_login_at ON users (last_login_at);
    END IF;
END $$;
