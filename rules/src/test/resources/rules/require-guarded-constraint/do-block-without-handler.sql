-- A DO block alone does not guard anything: without an EXCEPTION handler or an existence check
-- the ADD CONSTRAINT still fails on a re-run. The rule cannot wrap a statement that is already
-- inside a block, so it reports without a fix.

DO $$
BEGIN
    RAISE NOTICE 'adding invoices_due_after_issue';
    -- expect: require-guarded-constraint at "ALTER TABLE invoices ADD CONSTRAINT invoices_due_after_issue"
    ALTER TABLE invoices ADD CONSTRAINT invoices_due_after_issue CHECK (due_at >= issued_at);
END
$$;
