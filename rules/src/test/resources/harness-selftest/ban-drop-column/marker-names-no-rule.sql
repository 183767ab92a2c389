-- expect: ban-drop-colum at "ALTER TABLE users"
ALTER TABLE users ADD COLUMN IF NOT EXISTS x int;
