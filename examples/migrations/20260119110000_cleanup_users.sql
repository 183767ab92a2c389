-- Drop the old password column and add the new login tracking.
BEGIN;

ALTER TABLE users DROP COLUMN legacy_password_md5;

ALTER TABLE users
    ADD COLUMN last_login_at timestamptz,
    ADD COLUMN IF NOT EXISTS login_count integer NOT NULL DEFAULT 0;

ALTER TABLE users ADD CONSTRAINT users_email_lower_key UNIQUE (email);

COMMIT;
