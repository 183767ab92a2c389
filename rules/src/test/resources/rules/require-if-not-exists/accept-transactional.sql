-- config: {"acceptTransactional": true}
-- With acceptTransactional, statements inside BEGIN … COMMIT are accepted: a failure rolls the
-- whole transaction back.

BEGIN;
CREATE TABLE coupons (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       text NOT NULL,
    expires_at timestamptz
);
CREATE INDEX idx_coupons_code ON coupons (code);
COMMIT;
