-- +goose Up
ALTER TABLE users ALTER COLUMN email SET NOT NULL;

-- +goose Down
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;

-- +goose Up
-- expect: ban-drop-not-null at "ALTER TABLE users ALTER COLUMN nickname DROP NOT NULL"
ALTER TABLE users ALTER COLUMN nickname DROP NOT NULL;
