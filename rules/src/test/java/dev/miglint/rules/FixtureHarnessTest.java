package dev.miglint.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FixtureHarness} fails on every mistake it promises to catch. Its fixtures are in
 * {@code rules/src/test/resources/harness-selftest/}, outside the real fixture tree, and each one is
 * listed here: as good, or with a piece of the failure it must cause.
 */
class FixtureHarnessTest {

    private static final Path SELFTEST = FixtureHarness.PROJECT_ROOT.resolve("rules/src/test/resources/harness-selftest");

    private static final List<String> GOOD = List.of(
            "ban-drop-column/good-marker-across-lines.sql",
            "ban-drop-column/good-other-rules-unmarked.sql",
            "ban-drop-column/py_good_drop_column.py",
            "require-if-not-exists/good-fix.sql",
            "require-uuid-keys/ts_good.ts");

    private static final Map<String, String> BAD = new TreeMap<>(Map.ofEntries(
            // strict both ways
            Map.entry("ban-drop-column/finding-without-marker.sql",
                    "finding-without-marker.sql:2: finding without a marker: ban-drop-column"),
            Map.entry("ban-drop-column/marker-without-finding.sql",
                    "marker-without-finding.sql:1: no finding for expect: ban-drop-column at \"ALTER TABLE users\""),
            Map.entry("ban-drop-column/marker-describes-only-the-next-statement.sql",
                    "marker-describes-only-the-next-statement.sql:3: finding without a marker"),
            Map.entry("ban-drop-column/marker-of-another-rule-is-checked.sql", "no finding for expect: require-if-not-exists"),
            Map.entry("ban-drop-column/py_finding_without_marker.py",
                    "py_finding_without_marker.py:8: finding without a marker: ban-drop-column"),
            Map.entry("ban-drop-column/py_marker_without_finding.py", "py_marker_without_finding.py:8: no finding for"),
            Map.entry("require-uuid-keys/ts_finding_without_marker.ts",
                    "ts_finding_without_marker.ts:4: finding without a marker: require-uuid-keys"),
            // malformed markers
            Map.entry("ban-drop-column/malformed-marker.sql", "malformed-marker.sql:1: malformed marker"),
            Map.entry("ban-drop-column/py_malformed_marker.py", "py_malformed_marker.py:8: malformed marker, write # expect:"),
            Map.entry("ban-drop-column/marker-names-no-rule.sql", "marker names no rule: expect: ban-drop-colum at"),
            Map.entry("require-uuid-keys/ts_marker_names_no_rule.ts", "marker names no rule: expect: require-uuid-key at"),
            Map.entry("ban-drop-column/quoted-text-not-in-next-statement.sql",
                    "the quoted text does not occur in the code after it, \"ALTER TABLE users DROP COLUMN nickname;\""),
            Map.entry("ban-drop-column/py_quoted_text_not_on_next_line.py", "the quoted text does not occur in the code after it"),
            Map.entry("ban-drop-column/comment-between-marker-and-statement.sql",
                    "must be directly before its code, with nothing but other markers in between"),
            Map.entry("ban-drop-column/marker-inside-a-statement.sql", "is not directly before a statement: line 3"),
            Map.entry("ban-drop-column/marker-at-end-of-file.sql", "marker-at-end-of-file.sql:2: expect: ban-drop-column at"
                    + " \"ALTER TABLE users\" has no code on the line after it"),
            Map.entry("ban-drop-column/blank-line-after-marker.sql", "has no code on the line after it"),
            Map.entry("ban-drop-column/py_blank_line_after_marker.py", "has no code on the line after it"),
            Map.entry("require-uuid-keys/ts_marker_at_end_of_file.ts", "has no code on the line after it"),
            // headers and folders
            Map.entry("ban-drop-column/config-with-unknown-key.sql", "config: configuration: unknown key \"postgresVersoin\""),
            Map.entry("ban-drop-column/config-not-json.sql", "not valid JSON"),
            Map.entry("ban-drop-column/config-after-code.sql", "config-after-code.sql:2: config: belongs in the header"),
            Map.entry("ban-drop-column/header-of-another-language.sql", "migrations: is no header of .sql fixtures"),
            Map.entry("require-uuid-keys/ts_config_header.ts", "config: is no header of .ts fixtures"),
            Map.entry("ban-drop-column/py_unparsable_alembic_version.py", "alembic: unparsable version \"one.two\""),
            Map.entry("ban-drop-column/py_not_a_revision.py", "py_not_a_revision.py is not an Alembic revision"),
            Map.entry("no-such-rule/folder-names-no-rule.sql", "folder no-such-rule names no rule"),
            // fixed twins
            Map.entry("require-if-not-exists/fix-without-fixed-twin.sql",
                    "offers a fix but there is no fix-without-fixed-twin.fixed.sql"),
            Map.entry("require-if-not-exists/fixed-twin-differs.sql", "does not give fixed-twin-differs.fixed.sql"),
            Map.entry("require-if-not-exists/py_fixed_twin_differs.py", "does not give py_fixed_twin_differs.fixed.py"),
            Map.entry("require-uuid-keys/ts_fixed_twin_differs.ts", "does not give ts_fixed_twin_differs.fixed.ts"),
            Map.entry("require-if-not-exists/fixed-twin-without-fix.sql",
                    "fixed-twin-without-fix.fixed.sql exists but no require-if-not-exists finding")));

    static Stream<String> good() {
        return GOOD.stream();
    }

    static Stream<Arguments> bad() {
        return BAD.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} passes")
    @MethodSource("good")
    void aGoodFixturePasses(String fixture) {
        assertDoesNotThrow(() -> FixtureHarness.check(SELFTEST.resolve(fixture)));
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @MethodSource("bad")
    void aBadFixtureFailsSayingWhy(String fixture, String expected) {
        AssertionError e = assertThrows(AssertionError.class, () -> FixtureHarness.check(SELFTEST.resolve(fixture)));
        assertTrue(String.valueOf(e.getMessage()).contains(expected), "expected \"" + expected + "\" in:\n" + e.getMessage());
    }

    @Test
    void everySelfTestFixtureIsListedAsGoodOrBad() throws IOException {
        List<String> listed = new ArrayList<>(GOOD);
        listed.addAll(BAD.keySet());
        List<String> found = FixtureHarness.fixtures(SELFTEST).stream().map(p -> SELFTEST.relativize(p).toString()).toList();
        assertEquals(listed.stream().sorted().toList(), found);
    }

    @Test
    void strayFilesAndTwinsWithoutFixtureAreReported() throws IOException {
        assertEquals(List.of(
                "loose.sql: not in a <rule-id>/ folder",
                "require-if-not-exists/notes.txt: no fixture (.sql, .py, .ts) nor a fixed twin of one",
                "require-if-not-exists/orphan.fixed.sql: a fixed twin without its fixture orphan.sql"),
                FixtureHarness.strayFiles(SELFTEST));
    }
}
