-- Every object of the migration guarded: nothing to report.

CREATE SCHEMA IF NOT EXISTS billing;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE SEQUENCE IF NOT EXISTS billing.invoice_number_seq;

CREATE TABLE IF NOT EXISTS billing.invoices (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    number      bigint NOT NULL DEFAULT nextval('billing.invoice_number_seq'),
    email       citext
);

CREATE INDEX IF NOT EXISTS idx_invoices_customer_id ON billing.invoices (customer_id);
CREATE UNIQUE INDEX IF NOT EXISTS invoices_number_key ON billing.invoices (number);
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_invoices_email ON billing.invoices (email);

ALTER TABLE billing.invoices ADD COLUMN IF NOT EXISTS paid_at timestamptz,
                             ADD IF NOT EXISTS due_at timestamptz;

CREATE MATERIALIZED VIEW IF NOT EXISTS billing.open_invoices AS
SELECT * FROM billing.invoices WHERE paid_at IS NULL;
