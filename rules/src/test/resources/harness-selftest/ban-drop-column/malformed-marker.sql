-- expect: ban-drop-column "ALTER TABLE users"
ALTER TABLE users ADD COLUMN IF NOT EXISTS x int;
