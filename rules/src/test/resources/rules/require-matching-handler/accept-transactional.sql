-- config: {"acceptTransactional": true}
-- With acceptTransactional, a block inside BEGIN … COMMIT is accepted whatever its handler.
-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL)

BEGIN;
DO $$
BEGIN
    ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;
COMMIT;
