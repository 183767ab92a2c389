-- An index without a name gets a new generated name on every run, so IF NOT EXISTS cannot
-- apply and a re-run silently adds a duplicate index. The rule reports it without a fix.

-- expect: require-if-not-exists at "CREATE INDEX ON orders (created_at)"
CREATE INDEX ON orders (created_at);

-- expect: require-if-not-exists at "CREATE UNIQUE INDEX CONCURRENTLY ON users (lower(email))"
CREATE UNIQUE INDEX CONCURRENTLY ON users (lower(email));
