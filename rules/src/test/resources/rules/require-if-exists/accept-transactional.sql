-- config: {"acceptTransactional": true}
-- With acceptTransactional, a statement inside BEGIN … COMMIT is accepted: a failure rolls the
-- whole transaction back, so no half-applied state is left for a re-run to trip over.
-- setup: CREATE TABLE legacy_sessions (id bigint PRIMARY KEY)

BEGIN;
DROP TABLE legacy_sessions;
COMMIT;

