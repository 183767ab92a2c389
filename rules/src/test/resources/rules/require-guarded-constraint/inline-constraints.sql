-- setup: CREATE TABLE invoices (id bigint PRIMARY KEY)
-- Constraints declared inside CREATE TABLE are guarded by its IF NOT EXISTS, not by a DO block.

CREATE TABLE IF NOT EXISTS payments (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    invoice_id bigint NOT NULL,
    amount     numeric(12, 2) NOT NULL,
    CONSTRAINT payments_pkey PRIMARY KEY (id),
    CONSTRAINT payments_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT payments_amount_check CHECK (amount > 0)
);

ALTER TABLE payments VALIDATE CONSTRAINT payments_invoice_id_fkey;
