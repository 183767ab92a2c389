-- With no earlier migration describing invoices, miglint cannot tell a widening from a rewrite.

-- expect: ban-column-type-change at "ALTER TABLE invoices ALTER COLUMN number TYPE varchar(64)"
ALTER TABLE invoices ALTER COLUMN number TYPE varchar(64);
