-- Already re-runnable: IF EXISTS, an existence check, or a handler for what the DROP raises.
-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email text, nickname text)
-- setup: CREATE TABLE coupons (id bigint PRIMARY KEY, code text)
-- setup: CREATE TABLE promo_codes (id bigint PRIMARY KEY, code text)

DROP TABLE IF EXISTS legacy_sessions;
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_created_at;
ALTER TABLE users DROP COLUMN IF EXISTS legacy_token;
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_check;
DROP FUNCTION IF EXISTS touch_updated_at() CASCADE;
DROP TRIGGER IF EXISTS users_touch ON users;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname') THEN
        ALTER TABLE users DROP COLUMN nickname;
    END IF;
END
$$;

DO $$
BEGIN
    DROP TABLE coupons;
EXCEPTION
    WHEN undefined_table THEN NULL;
END
$$;

DO $$
BEGIN
    DROP TABLE promo_codes;
EXCEPTION
    WHEN others THEN RAISE NOTICE 'promo_codes already dropped';
END
$$;
