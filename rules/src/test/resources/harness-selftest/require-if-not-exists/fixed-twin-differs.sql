-- expect: require-if-not-exists at "CREATE TABLE users"
CREATE TABLE users (id bigint);
