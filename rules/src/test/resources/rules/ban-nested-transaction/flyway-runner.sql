-- config: {"runner": "flyway"}
-- setup: CREATE TYPE order_status AS ENUM ('open', 'closed')
-- Flyway already runs each file in a transaction: this COMMIT ends Flyway's transaction early.

-- expect: ban-nested-transaction at "BEGIN;"
BEGIN;
CREATE TYPE order_status_new AS ENUM ('open', 'shipped', 'closed');
ALTER TYPE order_status RENAME TO order_status_old;
ALTER TYPE order_status_new RENAME TO order_status;
DROP TYPE IF EXISTS order_status_old;
COMMIT;
