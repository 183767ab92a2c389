-- expect: ban-drop-column at "ALTER TABLE users"

ALTER TABLE users DROP COLUMN nickname;
