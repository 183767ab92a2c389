-- setup: CREATE TABLE users (id bigint PRIMARY KEY)
-- setup: CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, number text NOT NULL)
-- Two constraints in one statement: the wrapping block must catch what either raises again.

-- expect: require-guarded-constraint at "ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)"
-- expect: require-guarded-constraint at "ADD CONSTRAINT orders_number_key UNIQUE (number)"
ALTER TABLE orders
    ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    ADD CONSTRAINT orders_number_key UNIQUE (number);
