-- setup: CREATE TABLE users (id uuid PRIMARY KEY, email text)
-- The first transaction is committed; the second one is not.
BEGIN;
ALTER TABLE users ADD COLUMN IF NOT EXISTS display_name text;
COMMIT;

-- expect: ban-uncommitted-transaction at "BEGIN;"
BEGIN;
CREATE INDEX IF NOT EXISTS idx_users_display_name ON users (display_name);
