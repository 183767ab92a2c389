-- Inserts guarded by an existence check, or by a handler for unique_violation.
-- setup: CREATE TABLE feature_flags (name text PRIMARY KEY, enabled boolean NOT NULL DEFAULT false)

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM feature_flags WHERE name = 'new_checkout') THEN
        INSERT INTO feature_flags (name, enabled) VALUES ('new_checkout', false);
    END IF;
END
$$;

DO $$
BEGIN
    INSERT INTO feature_flags (name) VALUES ('dark_mode');
EXCEPTION
    WHEN unique_violation THEN NULL;
END
$$;
