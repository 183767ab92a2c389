-- expect: ignore-without-reason at "-- miglint-ignore ban-drop-table"
-- miglint-ignore ban-drop-table
DROP TABLE IF EXISTS legacy_sessions;
