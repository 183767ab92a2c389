-- One block, several statements that raise different errors on a re-run: the handler must
-- catch all of them. The fix keeps duplicate_object, which the foreign key needs, and adds
-- what the others raise.
-- setup: CREATE TABLE users (id bigint PRIMARY KEY)
-- setup: CREATE TABLE invoices (id bigint PRIMARY KEY, user_id bigint NOT NULL, number text NOT NULL)

DO $$
BEGIN
    -- expect: require-matching-handler at "ALTER TABLE invoices ADD CONSTRAINT invoices_number_key UNIQUE"
    ALTER TABLE invoices ADD CONSTRAINT invoices_number_key UNIQUE (number);
    ALTER TABLE invoices ADD CONSTRAINT invoices_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
    -- expect: require-matching-handler at "ALTER TABLE invoices ADD COLUMN paid_at"
    ALTER TABLE invoices ADD COLUMN paid_at timestamptz;
EXCEPTION
    WHEN duplicate_object OR duplicate_table OR duplicate_column THEN NULL;
END
$$;
