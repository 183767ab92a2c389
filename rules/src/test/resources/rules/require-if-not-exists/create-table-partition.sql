-- Monthly partitions of invoices, added by hand each month.

CREATE TABLE IF NOT EXISTS invoices (
    id        bigint      NOT NULL,
    issued_at timestamptz NOT NULL,
    amount    numeric(12, 2) NOT NULL
) PARTITION BY RANGE (issued_at);

-- expect: require-if-not-exists at "CREATE TABLE invoices_2024_01 PARTITION OF invoices"
CREATE TABLE invoices_2024_01 PARTITION OF invoices
    FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');

CREATE TABLE IF NOT EXISTS invoices_2024_02 PARTITION OF invoices
    FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
