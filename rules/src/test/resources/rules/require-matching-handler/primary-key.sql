-- A second PRIMARY KEY raises invalid_table_definition (42P16), not duplicate_object.
-- setup: CREATE TABLE order_items (order_id bigint NOT NULL, product_id bigint NOT NULL, quantity int NOT NULL)

DO $$
BEGIN
    -- expect: require-matching-handler at "ALTER TABLE order_items ADD CONSTRAINT order_items_pkey PRIMARY KEY"
    ALTER TABLE order_items ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, product_id);
EXCEPTION WHEN duplicate_object OR duplicate_table THEN
    RAISE NOTICE 'order_items already has its primary key';
END
$$;
