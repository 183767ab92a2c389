-- The classic trap: adding a UNIQUE constraint again fails on its index name first, with
-- duplicate_table (42P07), so a duplicate_object handler guards nothing.
-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL)

DO $$
BEGIN
    -- expect: require-matching-handler at "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)"
    ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
EXCEPTION
    WHEN duplicate_table THEN NULL;
END
$$;
