-- Copying rows from another table: WHERE NOT EXISTS skips those already copied.
-- setup: CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, plan text)
-- setup: CREATE TABLE subscriptions (user_id bigint PRIMARY KEY, plan text NOT NULL)
-- setup: CREATE TABLE user_settings (user_id bigint PRIMARY KEY, theme text NOT NULL)
-- setup: INSERT INTO users VALUES (1, 'ada@example.com', 'pro'), (2, 'linus@example.com', 'free')

INSERT INTO subscriptions (user_id, plan)
SELECT u.id, u.plan FROM users u
WHERE NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = u.id);

-- A plain INSERT … SELECT copies the same rows again.
-- expect: require-on-conflict at "INSERT INTO user_settings (user_id, theme)"
INSERT INTO user_settings (user_id, theme)
SELECT id, 'light' FROM users WHERE plan IS NULL OR plan = 'free';
