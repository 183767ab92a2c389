-- +migrate Up
-- expect: ban-column-type-change at "ALTER TABLE customers ALTER COLUMN country TYPE char(3)"
ALTER TABLE customers ALTER COLUMN country TYPE char(3);

-- +migrate Down
ALTER TABLE customers ALTER COLUMN country TYPE char(2);
