-- setup: CREATE TABLE users (id uuid PRIMARY KEY, email text)
-- One transaction after another, with no runner transaction around them: no finding.
BEGIN;
ALTER TABLE users ADD COLUMN IF NOT EXISTS phone text;
COMMIT;

BEGIN;
UPDATE users SET phone = '' WHERE phone IS NULL;
COMMIT;

-- PL/pgSQL's BEGIN inside a DO block is a block, not a transaction.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'idx_users_phone') THEN
        CREATE INDEX idx_users_phone ON users (phone);
    END IF;
END $$;
