-- config: {"runner": "flyway"}
-- Only non-transactional statements: Flyway runs this file outside a transaction.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_target_controller_id ON sp_target (controller_id);
DROP INDEX CONCURRENTLY IF EXISTS idx_target_old;
