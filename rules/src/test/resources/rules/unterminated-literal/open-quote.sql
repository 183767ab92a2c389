CREATE TABLE IF NOT EXISTS notes (id bigint PRIMARY KEY, body text);
-- expect: unterminated-literal at "'i"
INSERT INTO notes (id, body) VALUES (1, 'it''s here) ON CONFLICT DO NOTHING;
