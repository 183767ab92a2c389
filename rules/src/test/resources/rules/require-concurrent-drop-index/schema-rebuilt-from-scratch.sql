-- pg_dump --clean --if-exists: the file drops every object and creates it again on an empty database.
SET lock_timeout = 0;
DROP INDEX IF EXISTS public.index_webhooks_on_organization_id;
DROP TABLE IF EXISTS public.webhooks;

CREATE TABLE public.webhooks (id uuid NOT NULL, organization_id uuid NOT NULL);
CREATE INDEX index_webhooks_on_organization_id ON public.webhooks USING btree (organization_id);

-- An index that is only dropped, on a table the file does not rebuild, is a change to a live table.
-- expect: require-concurrent-drop-index at "DROP INDEX IF EXISTS public.index_invoices_on_number"
DROP INDEX IF EXISTS public.index_invoices_on_number;
