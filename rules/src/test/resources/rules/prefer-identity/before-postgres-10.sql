-- config: {"rules": {"prefer-identity": "warning"}, "postgresVersion": 9}
-- Identity columns came with PostgreSQL 10: on 9.x serial is the only choice, no finding.
CREATE TABLE IF NOT EXISTS customers (
    id serial PRIMARY KEY,
    name text NOT NULL
);
