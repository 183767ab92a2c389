-- setup: CREATE TABLE invoices (id bigint PRIMARY KEY)
-- Invoice numbers come from their own sequence, starting after the numbers of the old system.

-- expect: require-if-not-exists at "CREATE SEQUENCE invoice_number_seq"
CREATE SEQUENCE IF NOT EXISTS invoice_number_seq START WITH 100000 INCREMENT BY 1;

CREATE SEQUENCE IF NOT EXISTS order_number_seq START WITH 1;

ALTER TABLE invoices ADD COLUMN IF NOT EXISTS number bigint DEFAULT nextval('invoice_number_seq');
