-- setup: CREATE TABLE documents (id uuid PRIMARY KEY, project_id uuid NOT NULL)
-- Supabase policies often get long human-readable names.

-- expect: identifier-too-long at ""Project members can read the documents of projects they belong to""
CREATE POLICY "Project members can read the documents of projects they belong to" ON documents FOR SELECT USING (true);

-- expect: identifier-too-long at "refresh_materialized_subscription_revenue_summaries_for_dashboard"
CREATE OR REPLACE FUNCTION refresh_materialized_subscription_revenue_summaries_for_dashboard() RETURNS void LANGUAGE sql AS $$ SELECT 1 $$;

-- Short names: no finding.
CREATE POLICY "Members read documents" ON documents FOR SELECT USING (true);
