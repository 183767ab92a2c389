-- config: {"postgresVersion": 13}
-- Before PostgreSQL 14 there is no CREATE OR REPLACE TRIGGER: drop it first. A constraint
-- trigger cannot be replaced on any version.
-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email text, updated_at timestamptz)
-- setup: CREATE TABLE "Audit Log" (id bigint PRIMARY KEY, action text)
-- setup: CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$
-- setup: CREATE FUNCTION audit_check() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$

-- expect: require-or-replace at "CREATE TRIGGER users_touch_updated_at"
CREATE TRIGGER users_touch_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- expect: require-or-replace at "CREATE CONSTRAINT TRIGGER audit_log_check"
CREATE CONSTRAINT TRIGGER audit_log_check AFTER INSERT ON public."Audit Log"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_check();

-- Already re-runnable: the same trigger is dropped first.
DROP TRIGGER IF EXISTS users_touch_email ON users;
CREATE TRIGGER users_touch_email BEFORE UPDATE OF email ON users FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
