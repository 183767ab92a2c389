-- prefer-identity is opt-in: without "rules": {"prefer-identity": "warning"} it reports nothing.
CREATE TABLE IF NOT EXISTS labels (
    id serial PRIMARY KEY,
    name text NOT NULL
);
