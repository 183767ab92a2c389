-- config: {"acceptTransactional": true}
-- With acceptTransactional, an ADD CONSTRAINT inside BEGIN … COMMIT is accepted: a failure
-- rolls the whole transaction back.

BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
COMMIT;
