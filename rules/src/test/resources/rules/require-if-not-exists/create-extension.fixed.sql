-- Extensions for case-insensitive emails and random tokens.

-- expect: require-if-not-exists at "CREATE EXTENSION citext"
CREATE EXTENSION IF NOT EXISTS citext;

-- expect: require-if-not-exists at "CREATE EXTENSION "pgcrypto" WITH SCHEMA public"
CREATE EXTENSION IF NOT EXISTS "pgcrypto" WITH SCHEMA public;

CREATE EXTENSION IF NOT EXISTS pg_trgm;
