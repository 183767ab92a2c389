-- config: {"postgresVersion": 11}
-- setup: CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamp NOT NULL)

SET TIME ZONE 'UTC';
-- expect: ban-column-type-change at "ALTER TABLE events ALTER COLUMN created_at TYPE timestamptz"
ALTER TABLE events ALTER COLUMN created_at TYPE timestamptz;
