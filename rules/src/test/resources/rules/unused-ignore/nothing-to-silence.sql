-- expect: unused-ignore at "-- miglint-ignore require-if-not-exists: created by the seed script"
-- miglint-ignore require-if-not-exists: created by the seed script
CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY);
