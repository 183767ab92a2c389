-- setup: CREATE TABLE orders (id uuid PRIMARY KEY, address2 text, CONSTRAINT orders_address_check CHECK (true)); CREATE INDEX idx_orders_archived ON orders (id)
-- The new name of a RENAME is created by the statement too.

-- expect: identifier-too-long at "shipping_address_line_two_including_apartment_suite_or_unit_number"
ALTER TABLE orders RENAME COLUMN address2 TO shipping_address_line_two_including_apartment_suite_or_unit_number;

-- expect: identifier-too-long at "orders_shipping_address_must_be_present_when_order_has_been_shipped"
ALTER TABLE orders RENAME CONSTRAINT orders_address_check TO orders_shipping_address_must_be_present_when_order_has_been_shipped;

-- expect: identifier-too-long at "idx_orders_archived_before_the_migration_to_the_new_fulfilment_sys"
ALTER INDEX idx_orders_archived RENAME TO idx_orders_archived_before_the_migration_to_the_new_fulfilment_sys;

-- expect: identifier-too-long at "orders_archived_before_the_migration_to_the_new_fulfilment_system"
ALTER TABLE orders RENAME TO orders_archived_before_the_migration_to_the_new_fulfilment_system;
