-- config: {"runner": "flyway"}
-- setup: CREATE TABLE users (id uuid PRIMARY KEY, email text)
-- Flyway commits the file's transaction itself: adding a COMMIT would end Flyway's transaction early,
-- so only ban-nested-transaction reports this BEGIN.

-- expect: ban-nested-transaction at "BEGIN;"
BEGIN;
ALTER TABLE users ADD COLUMN IF NOT EXISTS locale text;
