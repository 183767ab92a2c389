-- A legacy schema with serial keys: each key is reported once, where it is created; the foreign key
-- columns typed to match them are not reported again.

-- expect: require-uuid-keys at "serial"
CREATE TABLE IF NOT EXISTS customers (
    id serial PRIMARY KEY,
    name text NOT NULL
);

-- expect: require-uuid-keys at "bigserial"
CREATE TABLE IF NOT EXISTS orders (
    id bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id),
    parent_order_id bigint REFERENCES orders
);
