-- expect: ban-drop-column at "ALTER TABLE users"
-- a note
ALTER TABLE users DROP COLUMN nickname;
