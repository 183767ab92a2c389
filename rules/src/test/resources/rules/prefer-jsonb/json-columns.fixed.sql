-- config: {"rules": {"prefer-jsonb": "warning"}}
-- setup: CREATE TABLE webhooks (id uuid PRIMARY KEY, headers json)

-- expect: prefer-jsonb at "json"
CREATE TABLE IF NOT EXISTS events (
    id uuid PRIMARY KEY,
    payload jsonb NOT NULL,
    tags jsonb NOT NULL DEFAULT '[]'
);

-- expect: prefer-jsonb at "JSON[]"
ALTER TABLE "events" ADD COLUMN IF NOT EXISTS "attachments" JSONB[];

-- expect: prefer-jsonb at "json"
ALTER TABLE webhooks ALTER COLUMN headers TYPE jsonb USING headers::json;

-- jsonb already, and json used in an expression rather than as a column type: no finding.
ALTER TABLE webhooks ADD COLUMN IF NOT EXISTS body jsonb DEFAULT '{}'::json::jsonb;
