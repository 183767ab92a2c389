-- A policy created only when pg_policies does not have it yet.
-- setup: CREATE TABLE documents (id bigint PRIMARY KEY, owner_id bigint NOT NULL, body text)

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE tablename = 'documents' AND policyname = 'documents_owner_read') THEN
        CREATE POLICY documents_owner_read ON documents FOR SELECT USING (owner_id = 1);
    END IF;
END
$$;
