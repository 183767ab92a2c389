-- expect: ban-delete-without-where at "DELETE FROM sessions"
DELETE FROM sessions;

DELETE FROM sessions WHERE expires_at < now();

-- expect: ban-delete-without-where at "DELETE FROM ONLY public.audit_events"
DELETE FROM ONLY public.audit_events RETURNING id;

-- A subquery's WHERE is not the statement's.
-- expect: ban-delete-without-where at "DELETE FROM carts USING customers"
DELETE FROM carts USING customers;

DELETE FROM carts c USING customers u WHERE c.customer_id = u.id AND u.deleted_at IS NOT NULL;
