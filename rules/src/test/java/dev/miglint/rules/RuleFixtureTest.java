package dev.miglint.rules;

import dev.miglint.change.Change;
import dev.miglint.rules.Fixture.Marker;
import dev.miglint.rules.docs.RuleDocs;
import dev.miglint.sql.SqlFile;
import dev.miglint.sql.syntax.Statement;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every fixture under {@code rules/src/test/resources/rules/<rule-id>/}: markers and findings must
 * match one to one, and {@code X.fixed.sql} must be exactly what the rule's fixes make of {@code X.sql}.
 * The one-to-one check covers the folder's rule and every rule a marker of the file names; findings
 * of other rules are ignored. A marker's text runs to the last quote of its line (no escapes), so
 * {@code at "ALTER TABLE "orders""} is fine; whitespace is collapsed before comparing.
 */
class RuleFixtureTest {

    @TestFactory
    Stream<DynamicNode> everyFixtureFindsExactlyWhatItsMarkersSay() throws IOException {
        assertTrue(Files.isDirectory(Fixture.FIXTURES), "no fixture directory " + Fixture.FIXTURES);
        List<DynamicNode> folders = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Fixture.FIXTURES)) {
            for (Path dir : dirs.sorted().toList()) {
                folders.add(folder(dir));
            }
        }
        assertFalse(folders.isEmpty(), "no fixture folders under " + Fixture.FIXTURES);
        return folders.stream();
    }

    private static DynamicNode folder(Path dir) throws IOException {
        String ruleId = dir.getFileName().toString();
        if (Rules.byId(ruleId).isEmpty() && AlembicFixtureTest.isKnownRule(ruleId)) {
            return DynamicContainer.dynamicContainer(ruleId, Stream.empty()); // only .py fixtures: AlembicFixtureTest
        }
        if (Rules.byId(ruleId).isEmpty()) {
            return DynamicTest.dynamicTest(ruleId, () -> fail(dir + " names no rule: fixture folders are rule ids"));
        }
        List<DynamicNode> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".py") || name.endsWith(".ts")) {
                    continue; // Alembic revisions: AlembicFixtureTest; Drizzle schemas: DrizzleSchemaFixtureTest
                }
                if (RuleDocs.isFixture(file)) {
                    tests.add(DynamicTest.dynamicTest(name, file.toUri(), () -> check(ruleId, file)));
                } else if (name.endsWith(".fixed.sql")) {
                    Path input = file.resolveSibling(name.replace(".fixed.sql", ".sql"));
                    if (!Files.exists(input)) {
                        tests.add(DynamicTest.dynamicTest(name, () -> fail(file + " has no input " + input)));
                    }
                } else {
                    tests.add(DynamicTest.dynamicTest(name, () -> fail(file + " is not a .sql fixture")));
                }
            }
        }
        return DynamicContainer.dynamicContainer(ruleId, tests);
    }

    static void check(String ruleId, Path path) throws IOException {
        Fixture fixture = Fixture.read(path, Files.readString(path, StandardCharsets.UTF_8));
        Analysis analysis = Analyzer.withAllRules().analyze(SqlFile.parse(fixture.text()), fixture.context());
        List<String> errors = new ArrayList<>();
        fixture.problems().forEach(p -> errors.add(fixture.path() + ":" + p));
        for (Finding f : analysis.findings()) {
            if (f.rule().equals(Analyzer.INTERNAL_ERROR)) {
                errors.add(fixture.at(fixture.lineOf(f.range().start())) + ": " + f.message());
            }
        }
        Set<String> checked = new LinkedHashSet<>();
        checked.add(ruleId);
        for (Marker m : fixture.markers()) {
            if (Rules.byId(m.rule()).isEmpty() && !m.rule().equals(Analyzer.LEX_PROBLEM)) {
                errors.add(fixture.at(m.line()) + ": marker names no rule: " + m);
            } else {
                checked.add(m.rule());
            }
        }
        for (String rule : checked) {
            match(fixture, analysis, rule, errors);
        }
        if (!errors.isEmpty()) {
            fail(errors.size() + " problem(s) in fixture " + path.getFileName() + ":\n  "
                    + String.join("\n  ", errors));
        }
        checkFix(fixture, analysis, ruleId);
    }

    /** Pairs markers and findings of one rule; what stays unpaired on either side is an error. */
    private static void match(Fixture fixture, Analysis analysis, String rule, List<String> errors) {
        List<Finding> unmatched = new ArrayList<>(analysis.findings().stream().filter(f -> f.rule().equals(rule)).toList());
        List<Statement> statements = allStatements(analysis);
        for (Marker m : fixture.markers()) {
            if (!m.rule().equals(rule)) {
                continue;
            }
            Statement target = target(fixture, m, statements, errors);
            if (target == null) {
                continue;
            }
            Finding found = unmatched.stream()
                    .filter(f -> f.range().start() >= target.span().start() && f.range().start() < target.span().end())
                    .filter(f -> Fixture.collapse(f.range().text(fixture.text())).startsWith(Fixture.collapse(m.text())))
                    .findFirst().orElse(null);
            if (found != null) {
                unmatched.remove(found);
                continue;
            }
            StringBuilder why = new StringBuilder(fixture.at(m.line()) + ": no finding for " + m);
            unmatched.stream()
                    .filter(f -> f.range().start() >= target.span().start() && f.range().start() < target.span().end())
                    .forEach(f -> why.append("; this statement has ").append(describe(fixture, f)));
            errors.add(why.toString());
        }
        for (Finding f : unmatched) {
            errors.add(fixture.at(fixture.lineOf(f.range().start())) + ": finding without a marker: " + describe(fixture, f));
        }
    }

    /**
     * The statement a marker describes: the first one (top level or inside a DO body) that starts after
     * it, with only other markers in between; a marker inside a statement's text describes nothing.
     */
    private static Statement target(Fixture fixture, Marker m, List<Statement> statements, List<String> errors) {
        Statement target = statements.stream()
                .filter(s -> s.span().start() >= m.next())
                .min(Comparator.comparingInt(s -> s.span().start()))
                .orElse(null);
        if (target == null) {
            errors.add(fixture.at(m.line()) + ": no statement follows " + m);
            return null;
        }
        for (Statement s : statements) {
            if (s.span().start() < m.start() && m.start() < s.span().end() && s.span().end() < target.span().start()) {
                errors.add(fixture.at(m.line()) + ": " + m + " sits inside the statement at line "
                        + fixture.lineOf(s.span().start()) + ": put it on the line before the statement");
                return null;
            }
        }
        String gap = fixture.text().substring(m.next(), target.span().start());
        String[] between = gap.split("\n", -1);
        boolean onlyMarkers = between[between.length - 1].isBlank() && Arrays.stream(between, 0, between.length - 1)
                .allMatch(l -> RuleDocs.MARKER.matcher(l.stripTrailing()).matches());
        if (!onlyMarkers) {
            errors.add(fixture.at(m.line()) + ": " + m + " must be directly before its statement (line "
                    + fixture.lineOf(target.span().start()) + "), with nothing but other markers in between");
            return null;
        }
        return target;
    }

    private static List<Statement> allStatements(Analysis analysis) {
        Set<Statement> all = new LinkedHashSet<>(analysis.file().statements());
        for (Change c : analysis.file().allChanges()) {
            all.add(c.statement());
        }
        return List.copyOf(all);
    }

    private static String describe(Fixture fixture, Finding f) {
        String text = Fixture.collapse(f.range().text(fixture.text()));
        return f.rule() + " at \"" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "\" (" + f.message() + ")";
    }

    /** Applies the first fix of every finding of the rule and compares with the {@code .fixed.sql} twin. */
    private static void checkFix(Fixture fixture, Analysis analysis, String ruleId) throws IOException {
        List<Finding> findings = analysis.findings().stream().filter(f -> f.rule().equals(ruleId)).toList();
        List<Finding> fixable = findings.stream().filter(f -> !f.fixes().isEmpty()).toList();
        Path twin = RuleDocs.fixedTwin(fixture.path());
        if (!Files.exists(twin)) {
            if (!fixable.isEmpty()) {
                Finding f = fixable.get(0);
                fail(fixture.at(fixture.lineOf(f.range().start())) + ": " + describe(fixture, f)
                        + " offers a fix but there is no " + twin.getFileName() + " to test it");
            }
            return;
        }
        assertFalse(fixable.isEmpty(), twin.getFileName() + " exists but no " + ruleId + " finding of "
                + fixture.path().getFileName() + " offers a fix");
        String fixed = Fixes.apply(fixture.text(), Fixes.firstFixes(fixable));
        byte[] expected = Files.readAllBytes(twin);
        assertEquals(new String(expected, StandardCharsets.UTF_8), fixed,
                "applying the fixes of " + ruleId + " to " + fixture.path().getFileName() + " does not give " + twin);
        assertTrue(Arrays.equals(expected, fixed.getBytes(StandardCharsets.UTF_8)), twin + " differs byte for byte");
        List<String> left = Analyzer.withAllRules().analyze(SqlFile.parse(fixed), fixture.context()).findings().stream()
                .filter(f -> f.rule().equals(ruleId) || f.rule().equals(Analyzer.INTERNAL_ERROR))
                .map(f -> twin.getFileName() + ":" + lineOf(fixed, f.range().start()) + ": " + f.rule() + ": " + f.message())
                .toList();
        assertTrue(left.isEmpty(), "the fixed text still has findings:\n  " + String.join("\n  ", left));
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
