-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL)
-- One account per email. Adding a UNIQUE constraint again fails on its index name first:
-- duplicate_table (42P07), not duplicate_object.

-- expect: require-guarded-constraint at "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)"
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
