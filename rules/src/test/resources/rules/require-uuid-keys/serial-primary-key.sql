-- Primary keys of the types the convention replaces with uuid, inline and as identity columns.

-- expect: require-uuid-keys at "serial"
CREATE TABLE IF NOT EXISTS users (
    id serial PRIMARY KEY,
    email text NOT NULL UNIQUE
);

-- expect: require-uuid-keys at "varchar(36)"
CREATE TABLE IF NOT EXISTS api_keys (
    id varchar(36) PRIMARY KEY,
    label text
);

-- expect: require-uuid-keys at "TEXT"
CREATE TABLE IF NOT EXISTS "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" TIMESTAMP(3) NOT NULL
);

-- expect: require-uuid-keys at "bigint"
CREATE TABLE IF NOT EXISTS audit_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload jsonb NOT NULL
);

-- uuid keys, and non-key columns of any type: no finding.
CREATE TABLE IF NOT EXISTS invoices (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number serial NOT NULL,
    reference text UNIQUE
);

-- A temporary table is no part of the schema.
CREATE TEMPORARY TABLE import_rows (id serial PRIMARY KEY, line text);
