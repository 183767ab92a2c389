-- Row-level security policies: there is no CREATE OR REPLACE POLICY, so drop the policy first.
-- setup: CREATE TABLE documents (id bigint PRIMARY KEY, owner_id bigint NOT NULL, body text)

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;

-- expect: require-or-replace at "CREATE POLICY documents_owner_read ON documents"
CREATE POLICY documents_owner_read ON documents
    FOR SELECT USING (owner_id = current_setting('app.user_id')::bigint);

DROP POLICY IF EXISTS documents_owner_write ON documents;
CREATE POLICY documents_owner_write ON documents
    FOR UPDATE USING (owner_id = current_setting('app.user_id')::bigint);

-- A DROP of a policy of the same name on another table does not count.
DROP POLICY IF EXISTS documents_owner_delete ON public.other_documents;
-- expect: require-or-replace at "CREATE POLICY documents_owner_delete ON documents"
CREATE POLICY documents_owner_delete ON documents
    FOR DELETE USING (owner_id = current_setting('app.user_id')::bigint);
