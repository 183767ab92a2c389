-- The rule is opt-in: without configuration nothing is reported.
ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;
