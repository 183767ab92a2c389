-- expect: ban-drop-schema at "DROP SCHEMA IF EXISTS legacy_reporting CASCADE"
DROP SCHEMA IF EXISTS legacy_reporting CASCADE;

-- Without CASCADE the drop fails while anything is left in the schema.
-- expect: ban-drop-schema at "DROP SCHEMA staging"
DROP SCHEMA staging;
