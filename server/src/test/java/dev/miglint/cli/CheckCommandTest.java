package dev.miglint.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {

    private static final String UNGUARDED_INDEX_MESSAGE =
            "CREATE INDEX idx_users_email fails when the migration runs again: add IF NOT EXISTS";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path writeBytes(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static JsonObject json(CliRun run) {
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    private static JsonArray findings(CliRun run) {
        return json(run).getAsJsonArray("findings");
    }

    private static List<String> rules(CliRun run) {
        List<String> rules = new ArrayList<>();
        findings(run).forEach(f -> rules.add(f.getAsJsonObject().get("rule").getAsString()));
        return rules;
    }

    private static int[] position(JsonObject range, String which) {
        JsonObject p = range.getAsJsonObject(which);
        return new int[] {p.get("line").getAsInt(), p.get("character").getAsInt()};
    }

    // ---------------------------------------------------------------- exit codes and text

    @Test
    void cleanMigrationsExitZeroWithOnlyTheSummaryLine() throws IOException {
        write("V1__init.sql", "CREATE TABLE IF NOT EXISTS users (id int);\nCREATE INDEX IF NOT EXISTS i ON users (id);\n");

        CliRun run = CliRun.of("check", dir.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("0 errors, 0 warnings, 0 infos in 1 file (2 statements)"), run.outLines());
        assertEquals("", run.err());
    }

    @Test
    void errorFindingExitsOneAndPrintsPathLineColumnOneBased() throws IOException {
        Path file = write("V2__index.sql", "-- add an index\n\n  CREATE INDEX CONCURRENTLY idx_users_email ON users (email);\n");

        CliRun run = CliRun.of("check", file.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(List.of(
                file + ":3:3: error: " + UNGUARDED_INDEX_MESSAGE + " [require-if-not-exists]",
                "1 error, 0 warnings, 0 infos in 1 file (1 statements)"), run.outLines());
    }

    @Test
    void warningsAloneExitZero() throws IOException {
        // An unterminated literal is a warning of the lexer, not an error.
        Path file = write("V3__open.sql", "SELECT 1;\nSELECT 'never closed;\n");

        CliRun run = CliRun.of("check", file.toString());

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.outLines().get(0).startsWith(file + ":2:8: warning: "), run.out());
        assertTrue(run.outLines().get(0).endsWith("[unterminated-literal]"), run.out());
    }

    @Test
    void findingsAreListedInFileOrderThenTextOrder() throws IOException {
        write("b/V2.sql", "ALTER TABLE users DROP COLUMN IF EXISTS email;\n");
        write("a/V1.sql", "CREATE TABLE users (id int);\nCREATE SCHEMA app;\n");

        CliRun run = CliRun.of("check", dir.toString());

        List<String> lines = run.outLines();
        assertEquals(4, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith(dir.resolve("a/V1.sql") + ":1:1: error: CREATE TABLE users"), lines.get(0));
        assertTrue(lines.get(1).startsWith(dir.resolve("a/V1.sql") + ":2:1: error: CREATE SCHEMA app"), lines.get(1));
        assertTrue(lines.get(2).startsWith(dir.resolve("b/V2.sql") + ":1:1: error: Dropping column email"), lines.get(2));
        assertTrue(lines.get(2).endsWith("[ban-drop-column]"), lines.get(2));
        assertEquals("3 errors, 0 warnings, 0 infos in 2 files (3 statements)", lines.get(3));
    }

    @Test
    void foldersAreSearchedForSqlFilesOnlyAndSkipNodeModules() throws IOException {
        write("migrations/V1.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
        write("migrations/nested/V2.SQL", "CREATE TABLE IF NOT EXISTS b (id int);\n");
        write("migrations/README.md", "CREATE TABLE c (id int);\n");
        write("migrations/node_modules/pkg/V0.sql", "CREATE TABLE d (id int);\n");

        CliRun run = CliRun.of("check", "--format", "json", dir.resolve("migrations").toString());

        assertEquals(0, run.exitCode(), run.out());
        JsonObject summary = json(run).getAsJsonObject("summary");
        assertEquals(2, summary.get("files").getAsInt());
        assertEquals(2, summary.get("statements").getAsInt());
    }

    @Test
    void emptyFileIsCleanWithNoStatements() throws IOException {
        Path file = write("V0__empty.sql", "");

        CliRun run = CliRun.of("check", file.toString());

        assertEquals(0, run.exitCode());
        assertEquals(List.of("0 errors, 0 warnings, 0 infos in 1 file (0 statements)"), run.outLines());
    }

    // ---------------------------------------------------------------- JSON

    @Test
    void jsonHasExactlyTheDocumentedShapeWithZeroBasedRanges() throws IOException {
        Path file = write("V2__index.sql", "-- add an index\n\n  CREATE INDEX CONCURRENTLY idx_users_email ON users (email);\n");

        CliRun run = CliRun.of("check", "--format", "json", file.toString());

        assertEquals(1, run.exitCode());
        JsonObject root = json(run);
        assertEquals(Set.of("findings", "summary"), root.keySet());
        JsonObject summary = root.getAsJsonObject("summary");
        assertEquals(Set.of("files", "statements", "findings"), summary.keySet());
        assertEquals(1, summary.get("files").getAsInt());
        assertEquals(1, summary.get("statements").getAsInt());
        assertEquals(1, summary.get("findings").getAsInt());

        JsonArray findings = root.getAsJsonArray("findings");
        assertEquals(1, findings.size());
        JsonObject f = findings.get(0).getAsJsonObject();
        assertEquals(Set.of("file", "rule", "severity", "message", "range", "fixes"), f.keySet());
        assertEquals(file.toString(), f.get("file").getAsString());
        assertEquals("require-if-not-exists", f.get("rule").getAsString());
        assertEquals("error", f.get("severity").getAsString());
        assertEquals(UNGUARDED_INDEX_MESSAGE, f.get("message").getAsString());
        JsonObject range = f.getAsJsonObject("range");
        assertEquals(Set.of("start", "end"), range.keySet());
        assertEquals(Set.of("line", "character"), range.getAsJsonObject("start").keySet());
        assertEquals(Set.of("line", "character"), range.getAsJsonObject("end").keySet());
        assertArrayEquals(new int[] {2, 2}, position(range, "start"));
        assertArrayEquals(new int[] {2, 61}, position(range, "end"));

        JsonArray fixes = f.getAsJsonArray("fixes");
        assertEquals(1, fixes.size());
        JsonObject fix = fixes.get(0).getAsJsonObject();
        assertEquals(Set.of("title", "edits"), fix.keySet());
        JsonObject edit = fix.getAsJsonArray("edits").get(0).getAsJsonObject();
        assertEquals(Set.of("range", "newText"), edit.keySet());
        assertEquals(Set.of("start", "end"), edit.getAsJsonObject("range").keySet());
    }

    @Test
    void applyingTheJsonFixGivesIfNotExistsAndAFileThatChecksClean() throws IOException {
        String text = "-- add an index\r\n\r\n  CREATE INDEX CONCURRENTLY idx_users_email ON users (email);\r\n";
        Path file = write("V2__index.sql", text);

        CliRun run = CliRun.of("check", "--format", "json", file.toString());

        JsonObject edit = findings(run).get(0).getAsJsonObject().getAsJsonArray("fixes").get(0).getAsJsonObject()
                .getAsJsonArray("edits").get(0).getAsJsonObject();
        String fixed = apply(text, edit);
        assertEquals("-- add an index\r\n\r\n  CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_email ON users (email);\r\n", fixed);
        Files.writeString(file, fixed);
        assertEquals(0, CliRun.of("check", file.toString()).exitCode());
    }

    /** Applies one LSP-style edit to text, reading positions as UTF-16 line/character. */
    private static String apply(String text, JsonObject edit) {
        JsonObject range = edit.getAsJsonObject("range");
        int start = offset(text, position(range, "start"));
        int end = offset(text, position(range, "end"));
        return text.substring(0, start) + edit.get("newText").getAsString() + text.substring(end);
    }

    private static int offset(String text, int[] position) {
        int offset = 0;
        for (int line = 0; line < position[0]; line++) {
            int lf = text.indexOf('\n', offset);
            offset = lf + 1;
        }
        return offset + position[1];
    }

    @Test
    void unfixableFindingHasAnEmptyFixesArray() throws IOException {
        Path file = write("V4.sql", "ALTER TABLE users DROP COLUMN email;");

        CliRun run = CliRun.of("check", "--format=json", file.toString());

        JsonObject f = findings(run).get(0).getAsJsonObject();
        assertEquals("ban-drop-column", f.get("rule").getAsString());
        assertEquals(0, f.getAsJsonArray("fixes").size());
    }

    // ---------------------------------------------------------------- unreadable files

    @Test
    void latin1FileGetsOneUnreadableFindingAndTheGoodFileIsStillAnalysed() throws IOException {
        writeBytes("V1__latin1.sql", "-- café\nCREATE TABLE t (id int);\n".getBytes(StandardCharsets.ISO_8859_1));
        write("V2__good.sql", "CREATE SCHEMA app;\n");

        CliRun run = CliRun.of("check", "--format", "json", dir.toString());

        assertEquals(1, run.exitCode());
        assertEquals(List.of("unreadable-file", "require-if-not-exists"), rules(run));
        JsonObject unreadable = findings(run).get(0).getAsJsonObject();
        assertEquals(dir.resolve("V1__latin1.sql").toString(), unreadable.get("file").getAsString());
        assertEquals("error", unreadable.get("severity").getAsString());
        assertTrue(unreadable.get("message").getAsString().contains("UTF-8"), unreadable.toString());
        assertArrayEquals(new int[] {0, 0}, position(unreadable.getAsJsonObject("range"), "start"));
        assertEquals(dir.resolve("V2__good.sql").toString(),
                findings(run).get(1).getAsJsonObject().get("file").getAsString());
        JsonObject summary = json(run).getAsJsonObject("summary");
        assertEquals(2, summary.get("files").getAsInt());
        assertEquals(1, summary.get("statements").getAsInt());
    }

    @Test
    void binaryFileGetsOneUnreadableFindingAndTheGoodFileIsStillAnalysed() throws IOException {
        writeBytes("V1__blob.sql", new byte[] {'S', 'Q', 'L', 0, 0, 1, 2, 3, 0, '\n'});
        write("V2__good.sql", "CREATE SCHEMA app;\n");

        CliRun run = CliRun.of("check", dir.toString());

        assertEquals(1, run.exitCode());
        List<String> lines = run.outLines();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith(dir.resolve("V1__blob.sql") + ":1:1: error: binary file"), lines.get(0));
        assertTrue(lines.get(0).endsWith("[unreadable-file]"), lines.get(0));
        assertTrue(lines.get(1).startsWith(dir.resolve("V2__good.sql") + ":1:1: error: CREATE SCHEMA app"), lines.get(1));
        assertEquals("2 errors, 0 warnings, 0 infos in 2 files (1 statements)", lines.get(2));
        assertEquals("", run.err());
    }

    @Test
    void utf8ByteOrderMarkIsDroppedSoPositionsStartAtTheFirstCharacter() throws IOException {
        Path file = writeBytes("V1__bom.sql",
                ("\uFEFFCREATE SCHEMA app;\n").getBytes(StandardCharsets.UTF_8));

        CliRun run = CliRun.of("check", file.toString());

        assertTrue(run.outLines().get(0).startsWith(file + ":1:1: error: CREATE SCHEMA app"), run.out());
    }

    // ---------------------------------------------------------------- usage errors

    @Test
    void missingPathExitsTwoWithOneLineMessage() {
        CliRun run = CliRun.of("check", dir.resolve("nope").toString());

        assertEquals(2, run.exitCode());
        assertEquals(List.of("miglint: no such file or directory: " + dir.resolve("nope")), run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void missingPathBesideAGoodOneStillExitsTwo() throws IOException {
        Path good = write("V1.sql", "CREATE SCHEMA IF NOT EXISTS app;\n");

        CliRun run = CliRun.of("check", good.toString(), dir.resolve("nope.sql").toString());

        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("miglint: "), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--fast", "--format=xml", "--format", "-x"})
    void badOptionsExitTwoWithOneLineMessage(String option) throws IOException {
        Path good = write("V1.sql", "CREATE SCHEMA IF NOT EXISTS app;\n");

        CliRun run = option.equals("--format")
                ? CliRun.of("check", good.toString(), option)
                : CliRun.of("check", option, good.toString());

        assertEquals(2, run.exitCode(), run.out());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("miglint: "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void enableTurnsOnAnOptInRuleAndDisableTurnsOffADefaultOneOverTheConfigFile() throws IOException {
        write(".miglint.json", "{\"rules\": {\"require-if-not-exists\": \"warning\"}}");
        write("V1__t.sql", "CREATE TABLE IF NOT EXISTS t (id int, created timestamp);\nCREATE INDEX i ON t (id);\n");

        CliRun defaults = CliRun.of("check", "--format", "json", dir.toString());
        CliRun flags = CliRun.of("check", "--format", "json", "--enable", "prefer-timestamptz",
                "--disable=require-if-not-exists", dir.toString());
        CliRun unknown = CliRun.of("check", "--enable", "prefer-nothing", dir.toString());

        assertFalse(rules(defaults).contains("prefer-timestamptz"), defaults.out());
        assertTrue(rules(defaults).contains("require-if-not-exists"), defaults.out());
        assertTrue(rules(flags).contains("prefer-timestamptz"), flags.out());
        assertFalse(rules(flags).contains("require-if-not-exists"), flags.out());
        assertEquals(2, unknown.exitCode());
        assertEquals(List.of("miglint: unknown rule 'prefer-nothing' (see: miglint rules)"), unknown.errLines());
    }

    @Test
    void unknownFormatNamesTheFormat() throws IOException {
        Path good = write("V1.sql", "CREATE SCHEMA IF NOT EXISTS app;\n");

        CliRun run = CliRun.of("check", "--format", "xml", good.toString());

        assertEquals(2, run.exitCode());
        assertEquals(List.of("miglint: unknown format 'xml': use text, json, sarif or github"), run.errLines());
    }

    @Test
    void noPathsAndUnknownCommandExitTwo() {
        CliRun noPaths = CliRun.of("check");
        CliRun unknown = CliRun.of("lint", "x.sql");

        assertEquals(2, noPaths.exitCode());
        assertEquals(1, noPaths.errLines().size(), noPaths.err());
        assertEquals(2, unknown.exitCode());
        assertEquals(List.of("miglint: unknown command 'lint' (try: miglint --help)"), unknown.errLines());
    }

    @Test
    void versionPrintsTheVersionAndExitsZero() {
        CliRun run = CliRun.of("--version");

        assertEquals(0, run.exitCode());
        assertEquals(List.of("miglint " + Main.VERSION), run.outLines());
    }

    @Test
    void helpIsPrintedThroughTheGivenWriter() {
        CliRun run = CliRun.of("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("usage: miglint"), "help went around the writer: '" + run.out() + "'");
    }

    @Test
    void rulesListsEveryRuleIdOnItsOwnLine() {
        CliRun run = CliRun.of("rules");

        assertEquals(0, run.exitCode());
        List<String> ids = run.outLines().stream().map(l -> l.split("\\s+")[0]).toList();
        assertTrue(ids.containsAll(List.of("ban-drop-column", "require-guarded-constraint", "require-if-not-exists")),
                run.out());
        assertFalse(run.out().isBlank());
    }

    @Test
    void deeplyNestedDoBlockDoesNotStopTheOtherFilesBeingChecked() throws IOException {
        int depth = 5000;
        write("V1__deep.sql", "DO $$ BEGIN " + "BEGIN ".repeat(depth) + "NULL;" + " END;".repeat(depth) + " END $$;\n");
        write("V2__good.sql", "CREATE SCHEMA app;\n");

        CliRun run = CliRun.of("check", "--format", "json", dir.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(rules(run).contains("require-if-not-exists"), run.out());
    }

    // ---------------------------------------------------------------- positions

    @Test
    void crlfFilePositionsCountNeitherCarriageReturnNorLineFeed() throws IOException {
        Path file = write("V1__crlf.sql", "CREATE TABLE IF NOT EXISTS b (id int);\r\n"
                + "ALTER TABLE a DROP COLUMN IF EXISTS id;\r\n"
                + "\r\n"
                + "    CREATE SCHEMA app;\r\n");

        CliRun text = CliRun.of("check", file.toString());
        CliRun json = CliRun.of("check", "--format", "json", file.toString());

        assertTrue(text.outLines().get(0).startsWith(file + ":2:1: error: Dropping column id"), text.out());
        assertTrue(text.outLines().get(1).startsWith(file + ":4:5: error: CREATE SCHEMA app"), text.out());
        JsonObject drop = findings(json).get(0).getAsJsonObject().getAsJsonObject("range");
        assertArrayEquals(new int[] {1, 0}, position(drop, "start"));
        assertArrayEquals(new int[] {1, 39}, position(drop, "end"));
        JsonObject schema = findings(json).get(1).getAsJsonObject().getAsJsonObject("range");
        assertArrayEquals(new int[] {3, 4}, position(schema, "start"));
        assertArrayEquals(new int[] {3, 22}, position(schema, "end"));
    }

    @Test
    void charactersAreCountedInUtf16UnitsSoAnEmojiCountsTwo() throws IOException {
        Path file = write("V1__emoji.sql", "/* 😀 */ CREATE SCHEMA app;\n");

        CliRun text = CliRun.of("check", file.toString());
        CliRun json = CliRun.of("check", "--format", "json", file.toString());

        assertTrue(text.outLines().get(0).startsWith(file + ":1:10: error: CREATE SCHEMA app"), text.out());
        JsonObject range = findings(json).get(0).getAsJsonObject().getAsJsonObject("range");
        assertArrayEquals(new int[] {0, 9}, position(range, "start"));
        assertArrayEquals(new int[] {0, 27}, position(range, "end"));
    }

    private static void assertArrayEquals(int[] expected, int[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual,
                () -> java.util.Arrays.toString(expected) + " != " + java.util.Arrays.toString(actual));
    }
}
