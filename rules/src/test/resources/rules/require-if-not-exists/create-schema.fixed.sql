-- Billing moves into its own schema.

-- expect: require-if-not-exists at "CREATE SCHEMA billing"
CREATE SCHEMA IF NOT EXISTS billing;

CREATE SCHEMA IF NOT EXISTS reporting;

CREATE TABLE IF NOT EXISTS billing.invoices (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    amount numeric(12, 2) NOT NULL
);
