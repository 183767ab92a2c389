-- expect: invalid-ignore at "-- miglint-ignore require-if-not-exist: the id has a typo"
-- miglint-ignore require-if-not-exist: the id has a typo
CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY);
