-- An index this migration built on a table it created is not in use by anyone yet.
CREATE TABLE IF NOT EXISTS coupons (id uuid PRIMARY KEY, code text NOT NULL);
CREATE INDEX IF NOT EXISTS idx_coupons_code ON coupons (code);
DROP INDEX IF EXISTS idx_coupons_code;
