-- Only the table that existed before this migration is reported.

CREATE TABLE IF NOT EXISTS customer_merge_map (old_id bigint PRIMARY KEY, new_id bigint NOT NULL);

-- expect: ban-drop-table at "DROP TABLE customer_merge_map, duplicate_customers"
DROP TABLE customer_merge_map, duplicate_customers;
