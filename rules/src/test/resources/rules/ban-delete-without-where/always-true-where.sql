-- A WHERE that holds for every row picks no rows.

-- expect: ban-delete-without-where at "DELETE FROM notifications WHERE true"
DELETE FROM notifications WHERE true;

-- expect: ban-delete-without-where at "UPDATE accounts SET plan = 'free' WHERE 1 = 1"
UPDATE accounts SET plan = 'free' WHERE 1 = 1;

UPDATE accounts SET plan = 'free' WHERE trial_ends_at < now();
