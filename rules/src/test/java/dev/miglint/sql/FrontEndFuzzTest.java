package dev.miglint.sql;

import dev.miglint.change.Change;
import dev.miglint.rules.Analysis;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Fix;
import dev.miglint.rules.Fixes;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.text.TextEdit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Half-typed and broken migrations, as an editor sends them on every keystroke: the front end and
 * the rules must never throw, and every range they return must lie inside the text, in order.
 */
class FrontEndFuzzTest {

    private static final String SEED_TEXT = """
            -- migrate:up
            CREATE TABLE IF NOT EXISTS "users" (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email text NOT NULL);
            CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (lower(email)) WHERE email <> '';
            ALTER TABLE users ADD COLUMN bio text, ADD CONSTRAINT users_bio_check CHECK (length(bio) < 500) NOT VALID;
            ALTER TABLE orders DROP COLUMN IF EXISTS legacy;--> statement-breakpoint
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
                CREATE TYPE mood AS ENUM ('sad', 'ok');
              END IF;
              ALTER TABLE a ADD CONSTRAINT a_fk FOREIGN KEY (b) REFERENCES b (id);
            EXCEPTION WHEN duplicate_object OR SQLSTATE '42P07' THEN null;
            END $$;
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN RETURN NEW; END $fn$;
            INSERT INTO t VALUES (E'it\\'s', 'a''b', $q$x;y$q$) ON CONFLICT DO NOTHING;
            \\set ON_ERROR_STOP on
            COPY t (a) FROM stdin;
            1\tx
            \\.
            /* nested /* comment */ */ SELECT 1 \\gexec
            GRANT TRUNCATE ON t TO app; COMMENT ON COLUMN t.a IS 'x';
            """;

    private static final String[] DEBRIS = {
            "'", "\"", "$$", "$a$", "/*", "*/", "--", ";", "\\", "(", ")", "BEGIN ", " END", "DO $$ ", "E'",
            "--> statement-breakpoint\n", "\r\n", "\uFEFF", "😀", "CREATE TABLE ", "ADD CONSTRAINT ", "EXCEPTION WHEN ",
            " IF ", " THEN ", ":'", "${", "COPY x FROM stdin;\n", "\u0000",
    };

    @Test
    void mutatedMigrationsNeverBreakTheFrontEndOrTheRules() {
        Random random = new Random(20261125L);
        Analyzer analyzer = Analyzer.withAllRules();
        for (int round = 0; round < 3000; round++) {
            String text = mutate(SEED_TEXT, random);
            try {
                checkInvariants(text, analyzer.analyze(text));
            } catch (RuntimeException | AssertionError e) {
                fail("round " + round + " broke on:\n" + text, e);
            }
        }
    }

    @Test
    void everyPrefixOfAMigrationIsAnalysed() {
        Analyzer analyzer = Analyzer.withAllRules();
        for (int end = 0; end <= SEED_TEXT.length(); end++) {
            String text = SEED_TEXT.substring(0, end);
            checkInvariants(text, analyzer.analyze(text));
        }
    }

    private static String mutate(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> b.insert(at, DEBRIS[random.nextInt(DEBRIS.length)]);
                case 1 -> b.delete(at, Math.min(b.length(), at + random.nextInt(40)));
                case 2 -> b.setLength(at);
                default -> {
                    int from = random.nextInt(b.length() + 1);
                    String piece = b.substring(from, Math.min(b.length(), from + random.nextInt(80)));
                    b.insert(Math.min(at, b.length()), piece);
                }
            }
        }
        return b.toString();
    }

    private static void checkInvariants(String text, Analysis analysis) {
        int previousEnd = 0;
        for (Statement s : analysis.file().statements()) {
            assertTrue(s.span().start() >= previousEnd, "statements overlap at " + s.span());
            assertTrue(s.span().end() <= text.length(), "statement past the end: " + s.span());
            previousEnd = s.span().end();
        }
        for (Change c : analysis.file().allChanges()) {
            assertTrue(c.span().end() <= text.length(), "change past the end: " + c);
        }
        for (Finding f : analysis.findings()) {
            assertTrue(f.range().end() <= text.length(), "finding past the end: " + f);
            assertTrue(!f.rule().equals(Analyzer.INTERNAL_ERROR), "a rule threw: " + f.message());
            for (Fix fix : f.fixes()) {
                for (TextEdit edit : fix.edits()) {
                    assertTrue(edit.start() >= 0 && edit.end() <= text.length() && edit.start() <= edit.end(),
                            "edit out of range: " + edit);
                }
                String fixed = Fixes.apply(text, fix.edits());
                assertEquals(text.length() + fix.edits().stream().mapToInt(e -> e.newText().length() - (e.end() - e.start())).sum(),
                        fixed.length(), "a fix's edits overlap: " + fix);
            }
        }
    }

    @Test
    void theSeedTextItselfIsFullyUnderstood() {
        List<Change> changes = SqlFile.parse(SEED_TEXT).allChanges();
        assertTrue(changes.stream().noneMatch(c -> c instanceof Change.Unrecognized), changes.toString());
        assertTrue(SqlFile.parse(SEED_TEXT).problems().isEmpty(), SqlFile.parse(SEED_TEXT).problems().toString());
    }
}
