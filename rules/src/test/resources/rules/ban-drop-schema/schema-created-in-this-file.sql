-- A schema this migration made for its own work may go again.

CREATE SCHEMA IF NOT EXISTS import_tmp;
CREATE TABLE import_tmp.customers (id bigint, email text);
DROP SCHEMA import_tmp CASCADE;

DROP TABLE IF EXISTS import_tmp.customers;
DROP TYPE IF EXISTS import_status;
