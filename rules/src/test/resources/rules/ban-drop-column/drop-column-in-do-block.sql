-- A handler makes the drop re-runnable; it does not bring the data back.

DO $$
BEGIN
    -- expect: ban-drop-column at "ALTER TABLE users DROP COLUMN middle_name"
    ALTER TABLE users DROP COLUMN middle_name;
EXCEPTION
    WHEN undefined_column THEN NULL;
END
$$;
