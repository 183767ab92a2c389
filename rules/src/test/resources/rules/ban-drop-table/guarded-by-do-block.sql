-- A guard that checks the table exists does not bring its rows back.

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'user_sessions') THEN
        -- expect: ban-drop-table at "DROP TABLE user_sessions"
        DROP TABLE user_sessions;
    END IF;
END
$$;
