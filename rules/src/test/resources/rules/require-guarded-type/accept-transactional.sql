-- config: {"acceptTransactional": true}
-- With acceptTransactional, a CREATE TYPE inside BEGIN … COMMIT is accepted.

BEGIN;
CREATE TYPE ticket_priority AS ENUM ('low', 'normal', 'high', 'urgent');
COMMIT;
