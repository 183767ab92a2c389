-- migrations: CREATE TABLE users (id bigint);
SELECT 1;
