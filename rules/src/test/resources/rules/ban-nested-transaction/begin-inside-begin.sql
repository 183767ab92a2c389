-- setup: CREATE TABLE users (id uuid PRIMARY KEY, email text)
-- The second BEGIN only warns; the first COMMIT ends the one transaction there is,
-- so the backfill after it runs outside any transaction.
BEGIN;
ALTER TABLE users ADD COLUMN IF NOT EXISTS email_verified boolean NOT NULL DEFAULT false;

-- expect: ban-nested-transaction at "BEGIN;"
BEGIN;
CREATE INDEX IF NOT EXISTS idx_users_email_verified ON users (email_verified);
COMMIT;

UPDATE users SET email_verified = true WHERE email LIKE '%@example.com';
COMMIT;
