-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email character varying(120), name VARCHAR(50), bio varchar, balance NUMERIC(10,2), credit numeric(8), last_ip cidr, flags bit(8), seen_at timestamp(0) without time zone, tag text)

-- None of these rewrite the table: PostgreSQL only updates the catalog.
ALTER TABLE users ALTER COLUMN email TYPE varchar(255);
ALTER TABLE users ALTER COLUMN name TYPE pg_catalog."varchar"(80);
ALTER TABLE users ALTER COLUMN bio TYPE text;
ALTER TABLE users ALTER COLUMN balance TYPE numeric(14, 2);
ALTER TABLE users ALTER COLUMN credit TYPE decimal(12, 0);
ALTER TABLE users ALTER COLUMN last_ip TYPE inet;
ALTER TABLE users ALTER COLUMN flags TYPE bit varying(16);
ALTER TABLE users ALTER COLUMN seen_at TYPE timestamp(3);
ALTER TABLE users ALTER COLUMN tag SET DATA TYPE varchar;
ALTER TABLE users ALTER COLUMN id TYPE int8;
