-- GRANT TRUNCATE is a privilege, not a truncation; a table made in this file may be emptied.

GRANT TRUNCATE ON TABLE audit_events TO maintenance;
REVOKE TRUNCATE ON audit_events FROM reporting;

CREATE TABLE IF NOT EXISTS price_import (sku text PRIMARY KEY, price_cents bigint NOT NULL);
INSERT INTO price_import (sku, price_cents) SELECT sku, price_cents FROM products ON CONFLICT DO NOTHING;
TRUNCATE price_import;
