-- setup: CREATE TABLE legacy_users (id integer PRIMARY KEY)
-- Foreign key columns are judged by what they reference: uuid columns pointing at uuid keys, and
-- columns that merely follow the non-uuid key of a known table, are not reported.
CREATE TABLE IF NOT EXISTS users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL
);

CREATE TABLE IF NOT EXISTS orders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reviewer_id uuid REFERENCES users
);

-- legacy_users.id is an integer key created by an earlier migration: the column has to match it.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS legacy_user_id integer REFERENCES legacy_users (id);
