-- CREATE statements in blocks whose handler names the wrong error. Where the statement has an
-- IF NOT EXISTS form, that is offered as a second fix.
-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email text)

DO $$
BEGIN
    -- expect: require-matching-handler at "CREATE TABLE payment_methods"
    CREATE TABLE payment_methods (
        id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id bigint NOT NULL,
        brand   text   NOT NULL
    );
EXCEPTION
    WHEN duplicate_table THEN NULL;
END
$$;

DO $$
BEGIN
    -- expect: require-matching-handler at "CREATE TYPE payment_status"
    CREATE TYPE payment_status AS ENUM ('pending', 'settled', 'refunded');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;

DO $$
BEGIN
    -- expect: require-matching-handler at "CREATE SCHEMA reporting"
    CREATE SCHEMA reporting;
EXCEPTION
    WHEN duplicate_schema THEN NULL;
END
$$;

DO $$
BEGIN
    -- expect: require-matching-handler at "CREATE FUNCTION normalize_email"
    CREATE FUNCTION normalize_email(raw text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(trim(raw))';
EXCEPTION
    WHEN duplicate_function THEN NULL;
END
$$;
