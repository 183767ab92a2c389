package dev.miglint.lsp;

import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.sql.SqlFile;

/**
 * Runs the parser, the rules and the conversion over a sample migration in the background right
 * after start, so the JIT has compiled them before the user's first keystrokes, not during them.
 */
final class WarmUp {

    /** Enough rounds for C2 to compile the hot paths; about a second of one core. */
    static final int ROUNDS = 300;

    private static final String SAMPLE = """
            SET lock_timeout = '2s';
            CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL, created timestamp DEFAULT now());
            CREATE INDEX idx_users_email ON users (email);
            ALTER TABLE users ADD COLUMN name text NOT NULL DEFAULT random()::text;
            ALTER TABLE users ALTER COLUMN email TYPE text;
            ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
            ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (id) REFERENCES accounts (id);
            ALTER TABLE users DROP COLUMN legacy;
            CREATE TYPE mood AS ENUM ('sad', 'ok');
            CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;
            DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'x') THEN CREATE TYPE x AS (a int); END IF; END $$;
            INSERT INTO users (id, email) VALUES (1, 'a@b.c');
            -- miglint-ignore ban-drop-table: the warm-up
            DROP TABLE old_users CASCADE;
            UPDATE users SET name = 'x' WHERE id = 1;
            DELETE FROM users;
            """;

    private WarmUp() {
    }

    static void run() {
        Analyzer analyzer = Analyzer.withAllRules();
        String text = SAMPLE.repeat(20);
        Snapshot snapshot = Snapshot.of("file:///warm-up.sql", 0, text);
        for (int i = 0; i < ROUNDS && !Thread.currentThread().isInterrupted(); i++) {
            SqlFile file = SqlFile.parse(text);
            DiagnosticConverter.toDiagnostics(snapshot, file,
                    analyzer.analyze(file, FileContext.standalone("/warm-up.sql")).findings());
        }
    }
}
