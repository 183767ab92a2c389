-- expect: ban-drop-column at "ALTER TABLE users  DROP COLUMN"
ALTER TABLE users
    DROP COLUMN nickname;
