-- A domain for email addresses. Its CHECK holds a dollar-quoted pattern, so the fix picks
-- another quote for the DO block.

-- expect: require-guarded-type at "CREATE DOMAIN email_address AS text"
CREATE DOMAIN email_address AS text CHECK (VALUE ~ $re$^[^@\s]+@[^@\s]+$$re$);

-- expect: require-guarded-type at "CREATE DOMAIN positive_amount"
CREATE DOMAIN positive_amount AS numeric(12, 2) CHECK (VALUE > 0);
