-- An order status enum. PostgreSQL has no CREATE TYPE IF NOT EXISTS: a re-run fails with
-- duplicate_object (42710).

-- expect: require-guarded-type at "CREATE TYPE order_status AS ENUM"
DO $$ BEGIN
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
EXCEPTION WHEN duplicate_object THEN null;
END $$;
