-- setup: CREATE TABLE invoices (id uuid PRIMARY KEY); CREATE TABLE invoice_line_items (id uuid PRIMARY KEY, invoice_id uuid NOT NULL)
-- Names PostgreSQL would cut to 63 bytes. Two constraint names that share their first 63 bytes
-- would even collide: both become "customer_subscription_invoice_line_items_invoice_id_foreign_key".

-- expect: identifier-too-long at "customer_subscription_invoice_line_item_tax_adjustment_histories"
-- expect: identifier-too-long at "invoice_line_item_tax_adjustment_reason_provided_by_support_agent"
CREATE TABLE IF NOT EXISTS customer_subscription_invoice_line_item_tax_adjustment_histories (
    id uuid PRIMARY KEY,
    invoice_line_item_id uuid NOT NULL,
    invoice_line_item_tax_adjustment_reason_provided_by_support_agent text,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- expect: identifier-too-long at "idx_customer_subscription_invoice_line_items_tax_adjustment_date"
CREATE INDEX IF NOT EXISTS idx_customer_subscription_invoice_line_items_tax_adjustment_date ON customer_subscription_invoice_line_item_tax_adjustment_histories (created_at);

-- expect: identifier-too-long at "customer_subscription_invoice_line_items_invoice_id_foreign_key1"
ALTER TABLE invoice_line_items ADD CONSTRAINT customer_subscription_invoice_line_items_invoice_id_foreign_key1 FOREIGN KEY (invoice_id) REFERENCES invoices (id);

-- expect: identifier-too-long at "customer_subscription_invoice_line_items_invoice_id_foreign_key2"
CREATE TABLE IF NOT EXISTS invoice_line_item_notes (
    id uuid PRIMARY KEY,
    invoice_id uuid NOT NULL,
    CONSTRAINT customer_subscription_invoice_line_items_invoice_id_foreign_key2 FOREIGN KEY (invoice_id) REFERENCES invoices (id)
);

-- 63 bytes is the limit itself: kept whole.
CREATE INDEX IF NOT EXISTS idx_invoice_line_items_tax_adjustment_reason_provided_by_agent_ ON invoice_line_items (invoice_id);

-- Referring to a long name is not creating one: no finding.
DROP INDEX IF EXISTS idx_customer_subscription_invoice_line_items_tax_adjustment_date;
