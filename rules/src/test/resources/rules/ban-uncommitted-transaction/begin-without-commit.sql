-- setup: CREATE TABLE users (id uuid PRIMARY KEY, email text)
-- The transaction is opened but never committed: psql rolls it all back on disconnect.

-- expect: ban-uncommitted-transaction at "BEGIN;"
BEGIN;

CREATE TABLE IF NOT EXISTS invoices (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id),
    total_cents bigint NOT NULL
);

ALTER TABLE users ADD COLUMN IF NOT EXISTS billing_email text;
