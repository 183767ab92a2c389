-- A domain for email addresses. Its CHECK holds a dollar-quoted pattern, so the fix picks
-- another quote for the DO block.

-- expect: require-guarded-type at "CREATE DOMAIN email_address AS text"
DO $miglint$ BEGIN
CREATE DOMAIN email_address AS text CHECK (VALUE ~ $re$^[^@\s]+@[^@\s]+$$re$);
EXCEPTION WHEN duplicate_object THEN null;
END $miglint$;

-- expect: require-guarded-type at "CREATE DOMAIN positive_amount"
DO $$ BEGIN
CREATE DOMAIN positive_amount AS numeric(12, 2) CHECK (VALUE > 0);
EXCEPTION WHEN duplicate_object THEN null;
END $$;
