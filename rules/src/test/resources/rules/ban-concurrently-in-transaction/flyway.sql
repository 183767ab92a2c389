-- config: {"runner": "flyway"}
-- Flyway runs a file of only non-transactional statements outside a transaction, but refuses a file
-- that mixes them with others (unless mixed=true).
SET lock_timeout = '5s';

-- expect: ban-concurrently-in-transaction at "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_target_controller_id"
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_target_controller_id ON sp_target (controller_id);
