-- setup: CREATE TABLE order_items (order_id bigint NOT NULL, line_no integer NOT NULL)
-- setup: CREATE TABLE legacy_payments (id bigint NOT NULL)
-- Tables imported without keys get one. A second PRIMARY KEY raises invalid_table_definition
-- (42P16), whatever its name, so even an unnamed one can be guarded.

-- expect: require-guarded-constraint at "ALTER TABLE order_items ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line_no)"
ALTER TABLE order_items ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line_no);

-- expect: require-guarded-constraint at "ALTER TABLE legacy_payments ADD PRIMARY KEY (id)"
ALTER TABLE legacy_payments ADD PRIMARY KEY (id);
