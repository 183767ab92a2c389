-- config: {"rules": {"prefer-text": "warning"}}
-- setup: CREATE TABLE users (id uuid PRIMARY KEY, email text)
-- The first fix writes text and drops the length limit; keep it with a CHECK where it is a rule of the data.

-- expect: prefer-text at "varchar(255)"
-- expect: prefer-text at "character(2)"
-- expect: prefer-text at "char"
CREATE TABLE IF NOT EXISTS addresses (
    id uuid PRIMARY KEY,
    street text NOT NULL,
    country_code text NOT NULL,
    kind text DEFAULT 'h',
    postcode text,
    notes varchar
);

-- expect: prefer-text at "VARCHAR(64)"
ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "displayName" TEXT;

-- Changing the type of an existing column is a migration of its own: not this rule's business.
ALTER TABLE users ALTER COLUMN email TYPE varchar(320);
