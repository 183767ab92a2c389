-- setup: CREATE TABLE orders (id integer PRIMARY KEY, total numeric(10, 2), status varchar(20), customer_ref text)

-- integer to bigint: every row is rewritten while the table is locked.
-- expect: ban-column-type-change at "ALTER TABLE orders ALTER COLUMN id TYPE bigint"
ALTER TABLE orders ALTER COLUMN id TYPE bigint;

-- A smaller scale, a shorter varchar: rewritten or re-checked, and values may be cut or refused.
-- expect: ban-column-type-change at "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 4)"
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12, 4);
-- expect: ban-column-type-change at "ALTER TABLE orders ALTER COLUMN status SET DATA TYPE varchar(10)"
ALTER TABLE orders ALTER COLUMN status SET DATA TYPE varchar(10);

-- expect: ban-column-type-change at "ALTER TABLE orders ALTER COLUMN customer_ref TYPE uuid USING customer_ref::uuid"
ALTER TABLE orders ALTER COLUMN customer_ref TYPE uuid USING customer_ref::uuid;
