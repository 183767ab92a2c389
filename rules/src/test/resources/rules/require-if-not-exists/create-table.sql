-- Initial schema of the shop: a re-run after a failure half-way must not stop at the first table.

-- expect: require-if-not-exists at "CREATE TABLE users"
CREATE TABLE users (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- expect: require-if-not-exists at "CREATE UNLOGGED TABLE import_staging"
CREATE UNLOGGED TABLE import_staging (
    line    integer,
    payload jsonb
);

CREATE TABLE IF NOT EXISTS orders (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES users (id),
    total      numeric(12, 2) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- expect: require-if-not-exists at "CREATE TABLE orders_archive AS"
CREATE TABLE orders_archive AS
SELECT * FROM orders WHERE created_at < now() - interval '2 years';

-- A temporary table lives for the session only: running again creates it afresh.
CREATE TEMPORARY TABLE order_totals AS SELECT user_id, sum(total) AS total FROM orders GROUP BY user_id;
