-- prefer-timestamptz is opt-in: without "rules": {"prefer-timestamptz": "warning"} it reports nothing.
CREATE TABLE IF NOT EXISTS login_attempts (
    id uuid PRIMARY KEY,
    attempted_at timestamp NOT NULL
);
