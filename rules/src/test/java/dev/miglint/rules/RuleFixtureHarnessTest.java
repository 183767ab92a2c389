package dev.miglint.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixture harness fails on every kind of mismatch it promises to catch. */
class RuleFixtureHarnessTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private void assertFails(String rule, Path fixture, String expectedInMessage) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> RuleFixtureTest.check(rule, fixture));
        assertTrue(e.getMessage().contains(expectedInMessage),
                "expected \"" + expectedInMessage + "\" in:\n" + e.getMessage());
    }

    @Test
    void aMatchingMarkerPasses() throws IOException {
        Path f = write("ok.sql", "-- expect: ban-drop-column at \"ALTER TABLE users  DROP COLUMN\"\n"
                + "ALTER TABLE users\n    DROP COLUMN nickname;\n");
        assertDoesNotThrow(() -> RuleFixtureTest.check("ban-drop-column", f));
    }

    @Test
    void aFindingWithoutMarkerFailsWithItsLine() throws IOException {
        Path f = write("unmarked.sql", "SELECT 1;\nALTER TABLE users DROP COLUMN nickname;\n");
        assertFails("ban-drop-column", f, "unmarked.sql:2: finding without a marker: ban-drop-column");
    }

    @Test
    void aMarkerWithoutFindingFails() throws IOException {
        Path f = write("nothing.sql", "-- expect: ban-drop-column at \"ALTER TABLE users\"\n"
                + "ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;\n");
        assertFails("ban-drop-column", f, "nothing.sql:1: no finding for -- expect: ban-drop-column");
    }

    @Test
    void aMarkerWithTheWrongTextFails() throws IOException {
        Path f = write("text.sql", "-- expect: ban-drop-column at \"ALTER TABLE orders\"\n"
                + "ALTER TABLE users DROP COLUMN nickname;\n");
        assertFails("ban-drop-column", f, "no finding for");
    }

    @Test
    void aMarkerCoversOnlyTheStatementAfterIt() throws IOException {
        Path f = write("next.sql", "-- expect: ban-drop-column at \"ALTER TABLE users DROP COLUMN nickname\"\n"
                + "SELECT 1;\nALTER TABLE users DROP COLUMN nickname;\n");
        assertFails("ban-drop-column", f, "next.sql:1: no finding for");
    }

    @Test
    void aMarkerSeparatedFromItsStatementFails() throws IOException {
        Path f = write("gap.sql", "-- expect: ban-drop-column at \"ALTER TABLE users\"\n-- a note\n"
                + "ALTER TABLE users DROP COLUMN nickname;\n");
        assertFails("ban-drop-column", f, "must be directly before its statement");
    }

    @Test
    void markersOfOtherRulesAreCheckedToo() throws IOException {
        Path f = write("other.sql", "-- expect: require-if-not-exists at \"CREATE TABLE users\"\n"
                + "CREATE TABLE IF NOT EXISTS users (id bigint);\n");
        assertFails("ban-drop-column", f, "no finding for -- expect: require-if-not-exists");
    }

    @Test
    void unmarkedFindingsOfOtherRulesAreIgnored() throws IOException {
        Path f = write("ignored.sql", "CREATE TABLE users (id bigint);\n");
        assertDoesNotThrow(() -> RuleFixtureTest.check("ban-drop-column", f));
    }

    @Test
    void malformedMarkersAndUnknownRulesFail() throws IOException {
        Path f = write("malformed.sql", "-- expect: ban-drop-column \"ALTER TABLE users\"\n"
                + "-- expect: ban-drop-colum at \"ALTER TABLE users\"\n"
                + "ALTER TABLE users ADD COLUMN IF NOT EXISTS x int;\n");
        assertFails("ban-drop-column", f, "malformed marker");
        assertFails("ban-drop-column", f, "marker names no rule");
    }

    @Test
    void unknownConfigKeysFail() throws IOException {
        Path f = write("config.sql", "-- config: {\"postgresVersoin\": 14}\nSELECT 1;\n");
        assertFails("ban-drop-column", f, "unknown key \"postgresVersoin\"");
    }

    @Test
    void aFixWithoutFixedTwinFails() throws IOException {
        Path f = write("nofix.sql", "-- expect: require-if-not-exists at \"CREATE TABLE users\"\n"
                + "CREATE TABLE users (id bigint);\n");
        assertFails("require-if-not-exists", f, "offers a fix but there is no nofix.fixed.sql");
    }

    @Test
    void aFixedTwinThatDiffersFails() throws IOException {
        String marker = "-- expect: require-if-not-exists at \"CREATE TABLE users\"\n";
        Path f = write("twin.sql", marker + "CREATE TABLE users (id bigint);\n");
        write("twin.fixed.sql", marker + "CREATE TABLE IF NOT EXISTS users (id bigint);");
        assertFails("require-if-not-exists", f, "does not give");
        write("twin.fixed.sql", marker + "CREATE TABLE IF NOT EXISTS users (id bigint);\n");
        assertDoesNotThrow(() -> RuleFixtureTest.check("require-if-not-exists", f));
    }

    @Test
    void aFixedTwinWithoutAnyFixFails() throws IOException {
        Path f = write("stale.sql", "CREATE TABLE IF NOT EXISTS users (id bigint);\n");
        write("stale.fixed.sql", "CREATE TABLE IF NOT EXISTS users (id bigint);\n");
        assertFails("require-if-not-exists", f, "offers a fix");
    }
}
