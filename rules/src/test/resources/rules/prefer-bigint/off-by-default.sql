-- prefer-bigint is opt-in: without "rules": {"prefer-bigint": "warning"} it reports nothing.
CREATE TABLE IF NOT EXISTS tags (
    id serial PRIMARY KEY,
    label text NOT NULL
);
