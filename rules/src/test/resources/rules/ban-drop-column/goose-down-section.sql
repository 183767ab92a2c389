-- The up section is reported; the down section undoes it and is not.

-- +goose Up
-- expect: ban-drop-column at "ALTER TABLE users DROP COLUMN legacy_flags"
ALTER TABLE users DROP COLUMN legacy_flags;

-- +goose Down
ALTER TABLE users ADD COLUMN legacy_flags jsonb;
ALTER TABLE users DROP COLUMN IF EXISTS email_verified;
