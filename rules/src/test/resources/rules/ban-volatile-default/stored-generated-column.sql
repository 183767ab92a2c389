-- A stored generated column is computed and written for every existing row: a full rewrite.

-- expect: ban-volatile-default at "ALTER TABLE executions ADD COLUMN IF NOT EXISTS tenant_id varchar(250) GENERATED ALWAYS AS"
ALTER TABLE executions ADD COLUMN IF NOT EXISTS tenant_id varchar(250) GENERATED ALWAYS AS (value ->> 'tenantId') STORED;

-- A plain nullable column is free.
ALTER TABLE executions ADD COLUMN IF NOT EXISTS note text;
