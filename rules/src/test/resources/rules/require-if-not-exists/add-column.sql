-- setup: CREATE TABLE users (id bigint PRIMARY KEY)
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY)
-- Track logins and shipping.

-- expect: require-if-not-exists at "ALTER TABLE users ADD COLUMN last_login_at timestamptz"
ALTER TABLE users ADD COLUMN last_login_at timestamptz;

-- The COLUMN keyword is optional.
-- expect: require-if-not-exists at "ALTER TABLE orders ADD shipped_at timestamptz"
ALTER TABLE orders ADD shipped_at timestamptz;

-- expect: require-if-not-exists at "ALTER TABLE ONLY public.orders ADD COLUMN tracking_number text"
ALTER TABLE ONLY public.orders ADD COLUMN tracking_number text;

ALTER TABLE users ADD COLUMN IF NOT EXISTS locale text NOT NULL DEFAULT 'en';
ALTER TABLE orders ADD IF NOT EXISTS carrier text;
