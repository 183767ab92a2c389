-- expect: ban-drop-column at "ALTER TABLE users"
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;
