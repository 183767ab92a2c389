-- prefer-jsonb is opt-in: without "rules": {"prefer-jsonb": "warning"} it reports nothing.
CREATE TABLE IF NOT EXISTS audit_log (
    id uuid PRIMARY KEY,
    details json NOT NULL
);
