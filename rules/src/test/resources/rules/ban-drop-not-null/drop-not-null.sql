-- expect: ban-drop-not-null at "ALTER TABLE users ALTER COLUMN phone DROP NOT NULL"
ALTER TABLE users ALTER COLUMN phone DROP NOT NULL;

-- expect: ban-drop-not-null at "ALTER COLUMN shipped_at DROP NOT NULL"
ALTER TABLE orders
    ALTER COLUMN shipped_at DROP NOT NULL,
    ALTER COLUMN shipped_at DROP DEFAULT;

ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
