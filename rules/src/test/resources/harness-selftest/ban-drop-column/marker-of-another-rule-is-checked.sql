-- expect: require-if-not-exists at "CREATE TABLE IF NOT EXISTS users"
CREATE TABLE IF NOT EXISTS users (id bigint);
