ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;
-- expect: ban-drop-column at "ALTER TABLE users"
