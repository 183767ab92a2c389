-- setup: CREATE TABLE legacy_users (id integer PRIMARY KEY)
-- setup: CREATE TABLE organizations (id bigint PRIMARY KEY)
-- Foreign key columns are judged by what they reference.
CREATE TABLE IF NOT EXISTS users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL
);

-- A text column pointing at a uuid key: PostgreSQL rejects the types too.
-- expect: require-uuid-keys at "text"
CREATE TABLE IF NOT EXISTS sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id text NOT NULL REFERENCES users (id)
);

-- organizations was created outside these migrations: miglint cannot see its key, the column is judged alone.
-- expect: require-uuid-keys at "bigint"
CREATE TABLE IF NOT EXISTS projects (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id bigint NOT NULL REFERENCES organizations
);

-- uuid foreign keys: no finding.
CREATE TABLE IF NOT EXISTS orders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    project_id uuid REFERENCES projects
);

-- legacy_users is not created by these migrations: its key type is unknown, so the column is judged alone.
-- expect: require-uuid-keys at "integer"
ALTER TABLE orders ADD COLUMN IF NOT EXISTS legacy_user_id integer REFERENCES legacy_users (id);
