-- expect: ban-truncate at "TRUNCATE audit_events"
TRUNCATE audit_events;

-- expect: ban-truncate at "TRUNCATE TABLE ONLY public.sessions, login_attempts RESTART IDENTITY"
TRUNCATE TABLE ONLY public.sessions, login_attempts RESTART IDENTITY;
