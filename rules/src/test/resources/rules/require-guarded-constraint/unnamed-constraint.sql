-- An unnamed FOREIGN KEY, UNIQUE or CHECK gets a fresh generated name on every run
-- (orders_user_id_fkey, then orders_user_id_fkey1 …), so a re-run raises nothing and silently
-- adds a duplicate constraint. Wrapping it in a DO block changes nothing: the rule must report
-- it without a fix and ask for a name, as require-if-not-exists does for an unnamed index.
-- (An unnamed PRIMARY KEY is different: a second one raises 42P16; see primary-key.sql.)

-- expect: require-guarded-constraint at "ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id)"
ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id);

-- expect: require-guarded-constraint at "ALTER TABLE orders ADD UNIQUE (number)"
ALTER TABLE orders ADD UNIQUE (number);

-- expect: require-guarded-constraint at "ALTER TABLE invoices ADD CHECK (amount_cents >= 0)"
ALTER TABLE invoices ADD CHECK (amount_cents >= 0);
