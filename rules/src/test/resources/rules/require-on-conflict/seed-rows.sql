-- Seed data: the second run fails with unique_violation (23505) on the primary key.
-- setup: CREATE TABLE plans (code text PRIMARY KEY, name text NOT NULL, monthly_cents int NOT NULL)
-- setup: CREATE TABLE roles (id int PRIMARY KEY, name text NOT NULL UNIQUE)

-- expect: require-on-conflict at "INSERT INTO plans (code, name, monthly_cents) VALUES"
INSERT INTO plans (code, name, monthly_cents) VALUES
    ('free', 'Free', 0),
    ('pro', 'Pro', 1900),
    ('team', 'Team', 4900);

-- expect: require-on-conflict at "INSERT INTO roles VALUES (1, 'admin')"
INSERT INTO roles VALUES (1, 'admin') RETURNING id;

INSERT INTO roles (id, name) VALUES (2, 'member') ON CONFLICT (id) DO NOTHING;
INSERT INTO roles (id, name) VALUES (3, 'viewer') ON CONFLICT (name) DO UPDATE SET id = EXCLUDED.id;
