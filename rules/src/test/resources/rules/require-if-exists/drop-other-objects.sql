-- Every kind of object PostgreSQL can drop IF EXISTS.
-- setup: CREATE TABLE invoices (id bigint PRIMARY KEY, status text, total numeric(12, 2))
-- setup: CREATE VIEW open_invoices AS SELECT id FROM invoices WHERE status = 'open'
-- setup: CREATE MATERIALIZED VIEW invoice_totals AS SELECT status, sum(total) AS total FROM invoices GROUP BY status
-- setup: CREATE SEQUENCE invoice_number_seq
-- setup: CREATE TYPE invoice_state AS ENUM ('draft', 'sent', 'paid')
-- setup: CREATE DOMAIN positive_amount AS numeric CHECK (VALUE > 0)
-- setup: CREATE SCHEMA billing_archive
-- setup: CREATE FUNCTION invoice_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$
-- setup: CREATE PROCEDURE purge_drafts() LANGUAGE sql AS 'DELETE FROM invoices WHERE status = ''draft'''
-- setup: CREATE TRIGGER invoices_touch BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION invoice_touch()
-- setup: CREATE POLICY invoices_owner ON invoices USING (true)
-- setup: CREATE EXTENSION IF NOT EXISTS pg_trgm

-- expect: require-if-exists at "DROP VIEW open_invoices"
DROP VIEW open_invoices;
-- expect: require-if-exists at "DROP MATERIALIZED VIEW invoice_totals"
DROP MATERIALIZED VIEW invoice_totals;
-- expect: require-if-exists at "DROP SEQUENCE invoice_number_seq"
DROP SEQUENCE invoice_number_seq;
-- expect: require-if-exists at "DROP TYPE invoice_state"
DROP TYPE invoice_state;
-- expect: require-if-exists at "DROP DOMAIN positive_amount"
DROP DOMAIN positive_amount;
-- expect: require-if-exists at "DROP SCHEMA billing_archive"
DROP SCHEMA billing_archive;
-- expect: require-if-exists at "DROP TRIGGER invoices_touch ON invoices"
DROP TRIGGER invoices_touch ON invoices;
-- expect: require-if-exists at "DROP FUNCTION invoice_touch()"
DROP FUNCTION invoice_touch();
-- expect: require-if-exists at "DROP PROCEDURE purge_drafts"
DROP PROCEDURE purge_drafts;
-- expect: require-if-exists at "DROP POLICY invoices_owner ON invoices"
DROP POLICY invoices_owner ON invoices;
-- expect: require-if-exists at "DROP EXTENSION pg_trgm"
DROP EXTENSION pg_trgm;
