-- CASCADE empties orders, order_lines, invoices … every table with a foreign key to customers.

-- expect: ban-truncate at "TRUNCATE customers CASCADE"
TRUNCATE customers CASCADE;
