-- config: {"postgresVersion": 14
SELECT 1;
