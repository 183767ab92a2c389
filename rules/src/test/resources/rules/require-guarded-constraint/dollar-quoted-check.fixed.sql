-- setup: CREATE TABLE invoices (id bigint PRIMARY KEY, number text NOT NULL)
-- The statement itself contains $$, so the wrapping DO block needs another dollar-quote tag.

-- expect: require-guarded-constraint at "ALTER TABLE invoices ADD CONSTRAINT invoices_number_format CHECK"
DO $miglint$ BEGIN
ALTER TABLE invoices ADD CONSTRAINT invoices_number_format CHECK (number ~ $$^INV-[0-9]{6}$$);
EXCEPTION WHEN duplicate_object THEN null;
END $miglint$;
