-- config: {"postgresVersoin": 14}
SELECT 1;
