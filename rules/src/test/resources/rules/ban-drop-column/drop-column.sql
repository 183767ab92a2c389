-- Password hashes moved to the credentials table last release.

-- expect: ban-drop-column at "ALTER TABLE users DROP COLUMN password_hash"
ALTER TABLE users DROP COLUMN password_hash;

-- The COLUMN keyword is optional.
-- expect: ban-drop-column at "ALTER TABLE orders DROP legacy_status"
ALTER TABLE orders DROP legacy_status;
