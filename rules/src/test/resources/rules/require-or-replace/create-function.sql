-- A helper function and a procedure: a re-run fails with duplicate_function (42723).
-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email text, updated_at timestamptz)

-- expect: require-or-replace at "CREATE FUNCTION normalize_email"
CREATE FUNCTION normalize_email(raw text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT lower(trim(raw)) $$;

-- expect: require-or-replace at "CREATE PROCEDURE backfill_emails"
CREATE PROCEDURE backfill_emails()
LANGUAGE sql
AS $$ UPDATE users SET email = normalize_email(email) WHERE email <> normalize_email(email) $$;

CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
