-- The sessions table moved to Redis; the old table goes. A re-run fails because it is gone.
-- setup: CREATE TABLE legacy_sessions (id bigint PRIMARY KEY, user_id bigint, expires_at timestamptz)
-- setup: CREATE TABLE legacy_login_attempts (id bigint PRIMARY KEY, ip inet)

-- expect: require-if-exists at "DROP TABLE legacy_sessions"
DROP TABLE IF EXISTS legacy_sessions;

-- expect: require-if-exists at "DROP TABLE public.legacy_login_attempts"
DROP TABLE IF EXISTS public.legacy_login_attempts CASCADE;
