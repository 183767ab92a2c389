-- expect: ban-cascade at "DROP TABLE IF EXISTS legacy_orders CASCADE"
-- expect: ban-drop-table at "DROP TABLE IF EXISTS legacy_orders CASCADE"
DROP TABLE IF EXISTS legacy_orders CASCADE;

-- Everything that can depend on a table made in this file was made in this file too.
CREATE TABLE IF NOT EXISTS order_import (id bigint PRIMARY KEY);
CREATE VIEW order_import_ids AS SELECT id FROM order_import;
DROP TABLE order_import CASCADE;

-- TRUNCATE … CASCADE is ban-truncate's business.
TRUNCATE audit_events CASCADE;
