package dev.miglint.sql;

import dev.miglint.sql.syntax.Statement;
import dev.miglint.testing.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An edit re-parsed from the statements before it gives exactly what a parse of the whole text gives. */
class IncrementalParseTest {

    private static final String BASE = """
            CREATE TABLE a (id int); -- trails the first statement
            -- leads the second
            CREATE INDEX i ON a (id);
            COPY a (id) FROM stdin;
            1
            2
            \\.
            CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;
            DO $$ BEGIN ALTER TABLE a ADD CONSTRAINT c CHECK (id > 0); EXCEPTION WHEN duplicate_object THEN null; END $$;
            ALTER TABLE a ADD COLUMN b text;
            """;

    @Test
    void everyKindOfEditGivesTheFullParse() {
        String[] inserts = {"x", "'", "\"", "/*", "*/", "$$", ";", "\n", "--", "$tag$", "(", ")", "ATOMIC ", "END;", "\\."};
        for (String insert : inserts) {
            for (int at = 0; at <= BASE.length(); at++) {
                String edited = BASE.substring(0, at) + insert + BASE.substring(at);
                assertSameParse(BASE, edited);
                assertSameParse(edited, BASE);
            }
        }
    }

    @Test
    void anEditAtTheEndKeepsTheStatementsBeforeIt() {
        SqlFile before = SqlFile.parse(BASE);
        SqlFile after = SqlFile.reparse(before, BASE + "ALTER TABLE a DROP COLUMN b;\n");
        assertSame(before.statements().get(0), after.statements().get(0), "kept, not parsed again");
        assertSame(before.changes().get(0), after.changes().get(0));
        assertEquals(before.statements().size() + 1, after.statements().size());
    }

    @Test
    void aChainOfEditsStaysTheFullParse() {
        Random random = new Random(7);
        String text = BASE;
        SqlFile file = SqlFile.parse(text);
        for (int i = 0; i < 300; i++) {
            int at = random.nextInt(text.length() + 1);
            text = random.nextBoolean() ? text.substring(0, at) + "ALTER TABLE a ADD COLUMN c" + i + " int;\n" + text.substring(at)
                    : text.substring(0, at) + text.substring(Math.min(text.length(), at + random.nextInt(12)));
            file = SqlFile.reparse(file, text);
            assertSame(text, file.text());
            assertSameDescription(describe(SqlFile.parse(text)), describe(file), "after edit " + i);
        }
    }

    @Test
    void editsOfEveryCorpusFileGiveTheFullParse() throws IOException {
        Path corpus = SharedCorpus.locate("");
        assertNotNull(corpus, "../shared/corpus is where the SQL files are");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().toList();
        }
        assertTrue(files.size() > 1000, "corpus SQL files: " + files.size());
        String[] inserts = {"x", "'", "/*", "$$", ";", "\n-- note\n", "ALTER TABLE t ADD COLUMN c int;\n"};
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > 300_000) {
                continue; // the big dumps are cut statement by statement the same way; they only cost time here
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            Random random = new Random(file.getFileName().toString().hashCode());
            for (String insert : inserts) {
                int at = random.nextInt(text.length() + 1);
                assertSameParse(text, text.substring(0, at) + insert + text.substring(at), file);
            }
            int cut = random.nextInt(text.length() + 1);
            assertSameParse(text, text.substring(0, cut) + text.substring(Math.min(text.length(), cut + 40)), file);
        }
    }

    private static void assertSameParse(String before, String after, Object... where) {
        assertSameDescription(describe(SqlFile.parse(after)), describe(SqlFile.reparse(SqlFile.parse(before), after)),
                "edit of " + List.of(where) + ": " + before.length() + " -> " + after.length() + " chars");
    }

    /** Equal, or a failure that shows where they part (the descriptions run to many KB). */
    private static void assertSameDescription(String expected, String actual, String what) {
        if (!expected.equals(actual)) {
            int at = 0;
            while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
                at++;
            }
            int from = Math.max(0, at - 200);
            throw new AssertionError(what + "; they part at " + at + ":\n  full parse: …"
                    + expected.substring(from, Math.min(expected.length(), at + 200)) + "\n  re-parse:   …"
                    + actual.substring(from, Math.min(actual.length(), at + 200)));
        }
    }

    /** The parse as values: a statement by its tokens and text (not the text object it points into). */
    private static String describe(SqlFile file) {
        return file.text().length() + " " + describe(file.statements()) + " " + describe(file.changes())
                + " " + file.comments() + " " + file.problems();
    }

    private static String describe(Object value) {
        if (value instanceof Statement s) {
            return "Statement" + s.span() + s.tokens() + s.terminator() + s.leadingComments() + s.guard() + "<" + s.text() + ">";
        }
        if (value instanceof Collection<?> items) {
            List<String> out = new ArrayList<>();
            items.forEach(item -> out.add(describe(item)));
            return out.toString();
        }
        if (value instanceof Record r) {
            StringBuilder b = new StringBuilder(r.getClass().getSimpleName()).append('(');
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    b.append(c.getName()).append('=').append(describe(c.getAccessor().invoke(r))).append(", ");
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return b.append(')').toString();
        }
        return String.valueOf(value);
    }
}
