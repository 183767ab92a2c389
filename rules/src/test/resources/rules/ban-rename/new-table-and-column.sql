-- Names that only this migration has used yet can still change.

CREATE TABLE IF NOT EXISTS invoice_lines_new (id bigint PRIMARY KEY, invoice_id bigint NOT NULL, amount numeric(12, 2));
ALTER TABLE invoice_lines_new RENAME COLUMN amount TO amount_eur;
ALTER TABLE invoice_lines_new RENAME TO invoice_line_items;

ALTER TABLE invoices ADD COLUMN IF NOT EXISTS pdf_path text;
ALTER TABLE invoices RENAME COLUMN pdf_path TO pdf_key;

-- Constraints, indexes and views have no name running code depends on in the same way.
ALTER TABLE invoices RENAME CONSTRAINT invoices_total_check TO invoices_total_positive;
ALTER INDEX IF EXISTS idx_invoices_customer RENAME TO idx_invoices_customer_id;
