-- config: {"acceptTransactional": true}
-- With acceptTransactional, an INSERT inside BEGIN … COMMIT is accepted.
-- setup: CREATE TABLE plans (code text PRIMARY KEY, name text NOT NULL)

BEGIN;
INSERT INTO plans (code, name) VALUES ('enterprise', 'Enterprise');
COMMIT;
