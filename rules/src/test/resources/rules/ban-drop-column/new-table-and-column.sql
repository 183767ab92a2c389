-- Columns this migration made hold nothing older than it: dropping them loses nothing.

CREATE TABLE IF NOT EXISTS shipment_import (id bigint PRIMARY KEY, carrier text, raw_payload jsonb);
ALTER TABLE shipment_import DROP COLUMN raw_payload;

ALTER TABLE shipments ADD COLUMN IF NOT EXISTS carrier_code_tmp text;
UPDATE shipments SET carrier_code = carrier_code_tmp WHERE carrier_code_tmp IS NOT NULL;
ALTER TABLE shipments DROP COLUMN carrier_code_tmp;

-- expect: ban-drop-column at "ALTER TABLE shipments DROP COLUMN carrier"
ALTER TABLE shipments DROP COLUMN carrier;
