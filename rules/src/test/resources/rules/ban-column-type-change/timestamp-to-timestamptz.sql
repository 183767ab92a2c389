-- setup: CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamp NOT NULL, processed_at timestamp)

-- Without a UTC session, every stored value is converted from the session's time zone: a rewrite.
-- expect: ban-column-type-change at "ALTER TABLE events ALTER COLUMN created_at TYPE timestamptz"
ALTER TABLE events ALTER COLUMN created_at TYPE timestamptz;

-- PostgreSQL 12+ in a UTC session only updates the catalog.
SET TimeZone = 'UTC';
ALTER TABLE events ALTER COLUMN processed_at TYPE timestamp with time zone;
