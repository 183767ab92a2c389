-- setup: CREATE TABLE rechnungen (id uuid PRIMARY KEY)
-- The limit counts UTF-8 bytes: these names have fewer than 64 characters but more than 63 bytes.

-- expect: identifier-too-long at ""éééééééééééééééééééééééééééééééé""
CREATE TABLE IF NOT EXISTS "éééééééééééééééééééééééééééééééé" (id uuid PRIMARY KEY);

-- expect: identifier-too-long at "rechnungsposition_steuerkorrektur_begründung_durch_kundendienst"
ALTER TABLE rechnungen ADD COLUMN IF NOT EXISTS rechnungsposition_steuerkorrektur_begründung_durch_kundendienst text;
