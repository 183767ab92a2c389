SELECT 1;
-- config: {"postgresVersion": 14}
SELECT 2;
