-- Statements inside a DO block run like any other; WHERE CURRENT OF touches one row.

DO $$
DECLARE
    c CURSOR FOR SELECT id FROM invoices FOR UPDATE;
BEGIN
    -- expect: ban-delete-without-where at "UPDATE invoices SET reminder_sent = false"
    UPDATE invoices SET reminder_sent = false;
    FOR r IN c LOOP
        UPDATE invoices SET reminder_sent = true WHERE CURRENT OF c;
    END LOOP;
END
$$;
