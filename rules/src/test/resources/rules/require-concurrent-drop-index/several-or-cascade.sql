-- DROP INDEX CONCURRENTLY takes one index and no CASCADE: flagged, but no automatic fix.

-- expect: require-concurrent-drop-index at "DROP INDEX IF EXISTS idx_users_name, idx_users_created_at"
DROP INDEX IF EXISTS idx_users_name, idx_users_created_at;

-- expect: require-concurrent-drop-index at "DROP INDEX IF EXISTS users_email_key CASCADE"
DROP INDEX IF EXISTS users_email_key CASCADE;
