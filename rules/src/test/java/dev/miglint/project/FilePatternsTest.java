package dev.miglint.project;

import dev.miglint.project.FilePatterns.Kind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilePatternsTest {

    /** Surefire runs in the module directory, {@code rules/}. */
    private static final Path PROJECT_ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path CASES = PROJECT_ROOT.resolve("clients/attach-cases.tsv");

    /** One row of clients/attach-cases.tsv. */
    record AttachCase(String path, boolean attach, String why) {
    }

    /** The rows of the table; comment lines (#) and the header are skipped, a malformed row fails. */
    static List<AttachCase> attachCases() throws IOException {
        List<AttachCase> cases = new ArrayList<>();
        List<String> lines = Files.readAllLines(CASES, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || line.startsWith("path\t")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            String where = CASES.getFileName() + ":" + (i + 1);
            assertEquals(3, cells.length, where + ": want path<TAB>yes|no<TAB>why, got " + line);
            assertTrue(Set.of("yes", "no").contains(cells[1]), where + ": attach must be yes or no, got " + cells[1]);
            assertFalse(cells[2].isBlank(), where + ": say why");
            cases.add(new AttachCase(cells[0], cells[1].equals("yes"), cells[2]));
        }
        return cases;
    }

    @Test
    void matchesAgreesWithEveryRowOfTheAttachTable() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (AttachCase c : attachCases()) {
            if (FilePatterns.matches(c.path()) != c.attach()) {
                wrong.add(c.path() + " (want " + (c.attach() ? "yes" : "no") + ": " + c.why() + ")");
            }
        }
        assertTrue(wrong.isEmpty(), "FilePatterns.matches disagrees with " + CASES.getFileName() + " on " + wrong);
    }

    @Test
    void theAttachTableCoversEveryPatternAndEveryKind() throws IOException {
        List<AttachCase> cases = attachCases();
        assertTrue(cases.size() >= 30, "at least 30 rows, got " + cases.size());
        for (FilePatterns.FilePattern p : FilePatterns.ALL) {
            assertTrue(cases.stream().anyMatch(c -> c.attach() && FilePatterns.globMatches(p.glob(), c.path())),
                    "no yes row for " + p.glob());
        }
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        cases.forEach(c -> FilePatterns.kindOf(c.path()).ifPresent(kinds::add));
        assertEquals(EnumSet.allOf(Kind.class), kinds);
    }

    @Test
    void absoluteAndWindowsPathsMatchLikeRelativeOnes() {
        assertTrue(FilePatterns.matches("/home/me/app/alembic/versions/abc_add.py"));
        assertTrue(FilePatterns.matches("C:\\work\\app\\models\\user.py"));
        assertFalse(FilePatterns.matches("/home/me/app/src/app.py"));
    }

    @Test
    void doubleStarMatchesZeroOrMoreFoldersAndStarStaysInOneFolder() {
        assertTrue(FilePatterns.globMatches("**/versions/**/*.py", "versions/a.py"));
        assertTrue(FilePatterns.globMatches("**/versions/**/*.py", "x/versions/y/z/a.py"));
        assertFalse(FilePatterns.globMatches("**/versions/**/*.py", "x/versions.py"));
        assertFalse(FilePatterns.globMatches("**/db/schemas.ts", "db/x/schemas.ts"));
        assertTrue(FilePatterns.globMatches("**/m?ta/_journal.json", "meta/_journal.json"));
        assertFalse(FilePatterns.globMatches("**/*.sql", "a/b.sql/c"));
    }

    @Test
    void kindOfNamesWhatTheServerReadsTheFileAs() {
        assertEquals(Optional.of(Kind.SQL_MIGRATION), FilePatterns.kindOf("migrations/001.sql"));
        assertEquals(Optional.of(Kind.ALEMBIC_REVISION), FilePatterns.kindOf("alembic/versions/a.py"));
        assertEquals(Optional.of(Kind.MODEL), FilePatterns.kindOf("app/models/user.py"));
        assertEquals(Optional.of(Kind.DRIZZLE_SCHEMA), FilePatterns.kindOf("src/db/schema/users.ts"));
        assertEquals(Optional.of(Kind.DRIZZLE_JOURNAL), FilePatterns.kindOf("drizzle/meta/_journal.json"));
        assertEquals(Optional.of(Kind.CONFIG), FilePatterns.kindOf(".miglint.json"));
        assertEquals(Optional.empty(), FilePatterns.kindOf("package.json"));
    }

    @Test
    void everyGlobStartsWithDoubleStarSoRelativeAndAbsolutePathsAgree() {
        for (FilePatterns.FilePattern p : FilePatterns.ALL) {
            assertTrue(p.glob().startsWith("**/"), p.glob());
            // written into JSON unescaped
            assertFalse(p.glob().contains("\"") || p.glob().contains("\\"), p.glob());
        }
    }

    /** With -Dmiglint.regenerate=true this writes the file instead of checking it. */
    @Test
    void thePublishedPatternFileIsUpToDate() throws IOException {
        Path published = PROJECT_ROOT.resolve(FilePatterns.PUBLISHED);
        if (Boolean.getBoolean("miglint.regenerate")) {
            Files.writeString(published, FilePatterns.json(), StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(published) ? Files.readString(published, StandardCharsets.UTF_8) : "";
        assertEquals(FilePatterns.json(), committed,
                FilePatterns.PUBLISHED + " is missing or stale; regenerate it: " + FilePatterns.REGENERATE);
    }
}
