-- PostgreSQL 11+ stores a constant or STABLE default in the catalog: no rewrite.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE orders ADD COLUMN IF NOT EXISTS updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS status text NOT NULL DEFAULT 'pending';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS flags jsonb DEFAULT '{}'::jsonb;

-- Tables created in this migration have no rows to rewrite.
CREATE TABLE IF NOT EXISTS api_keys (id bigint PRIMARY KEY);
ALTER TABLE api_keys ADD COLUMN IF NOT EXISTS secret uuid NOT NULL DEFAULT gen_random_uuid();
