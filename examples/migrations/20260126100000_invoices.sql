-- A re-runnable migration: every statement is guarded, so miglint has nothing to say.
CREATE TABLE IF NOT EXISTS invoices (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id    uuid NOT NULL,
    issued_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS invoices_order_id_idx ON invoices (order_id);

DO $$ BEGIN
    ALTER TABLE invoices ADD CONSTRAINT invoices_order_id_fkey
        FOREIGN KEY (order_id) REFERENCES orders (id);
EXCEPTION
    WHEN duplicate_object THEN null;
END $$;
