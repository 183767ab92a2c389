-- config: {"runner": "supabase"}
-- The Supabase CLI applies each migration file in a transaction.
-- expect: ban-concurrently-in-transaction at "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_messages_chat_id"
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_messages_chat_id ON messages (chat_id);
