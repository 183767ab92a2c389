-- A new table's CASCADE still reaches older tables given a foreign key to it in this file.

CREATE TABLE IF NOT EXISTS regions (id bigint PRIMARY KEY, name text NOT NULL);
ALTER TABLE customers ADD COLUMN IF NOT EXISTS region_id bigint REFERENCES regions (id);

-- expect: ban-truncate at "TRUNCATE regions CASCADE"
TRUNCATE regions CASCADE;
