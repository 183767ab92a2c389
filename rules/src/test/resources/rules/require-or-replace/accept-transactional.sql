-- config: {"acceptTransactional": true}
-- With acceptTransactional, a CREATE VIEW inside BEGIN … COMMIT is accepted.
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, status text)

BEGIN;
CREATE VIEW shipped_orders AS SELECT id FROM orders WHERE status = 'shipped';
COMMIT;
