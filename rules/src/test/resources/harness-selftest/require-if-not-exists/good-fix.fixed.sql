-- expect: require-if-not-exists at "CREATE TABLE users"
CREATE TABLE IF NOT EXISTS users (id bigint);
