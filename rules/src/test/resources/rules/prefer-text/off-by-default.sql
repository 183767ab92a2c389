-- prefer-text is opt-in: without "rules": {"prefer-text": "warning"} it reports nothing.
CREATE TABLE IF NOT EXISTS products (
    id uuid PRIMARY KEY,
    sku varchar(32) NOT NULL
);
