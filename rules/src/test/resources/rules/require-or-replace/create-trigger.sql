-- PostgreSQL 14 and later have CREATE OR REPLACE TRIGGER.
-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email text, updated_at timestamptz)
-- setup: CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$

-- expect: require-or-replace at "CREATE TRIGGER users_touch_updated_at"
CREATE TRIGGER users_touch_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
