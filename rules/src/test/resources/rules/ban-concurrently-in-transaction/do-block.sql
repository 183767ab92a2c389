-- A DO body runs like a function: PostgreSQL refuses CONCURRENTLY there too.
DO $$
BEGIN
    -- expect: ban-concurrently-in-transaction at "CREATE INDEX CONCURRENTLY idx_users_email"
    CREATE INDEX CONCURRENTLY idx_users_email ON users (email);
EXCEPTION WHEN duplicate_table THEN
    NULL;
END $$;
