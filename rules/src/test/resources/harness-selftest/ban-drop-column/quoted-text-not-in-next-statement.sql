-- expect: ban-drop-column at "ALTER TABLE orders"
ALTER TABLE users DROP COLUMN nickname;
