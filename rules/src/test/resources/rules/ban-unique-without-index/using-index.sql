-- The index is built concurrently in its own migration; attaching it as a constraint is instant.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key_idx ON users (email);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key_idx;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_pkey PRIMARY KEY USING INDEX audit_events_id_idx;
