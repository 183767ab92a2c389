-- An unnamed constraint gets a generated name, so no VALIDATE can be written for it: no automatic fix.
-- expect: require-not-valid at "ALTER TABLE orders ADD FOREIGN KEY (coupon_id)"
ALTER TABLE orders ADD FOREIGN KEY (coupon_id) REFERENCES coupons (id);
