-- Columns no deployed code has read yet may change their mind.

CREATE TABLE IF NOT EXISTS refunds (id bigint PRIMARY KEY, order_id bigint NOT NULL, reason text NOT NULL);
ALTER TABLE refunds ALTER COLUMN reason DROP NOT NULL;

ALTER TABLE orders ADD COLUMN IF NOT EXISTS refund_id bigint NOT NULL DEFAULT 0;
ALTER TABLE orders ALTER COLUMN refund_id DROP NOT NULL;
