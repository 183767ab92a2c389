package dev.miglint.rules;

import dev.miglint.rules.models.DrizzleDrift;
import dev.miglint.drizzle.schema.DrizzleProject;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Drizzle schema fixtures: {@code rules/src/test/resources/rules/<rule-id>/*.ts}. A marker
 * {@code // expect: <rule> at "<text>"} describes the next line that is no marker: a finding of that
 * rule must start on it with that text, and every finding of the folder's rule needs a marker.
 * {@code // migrations: <SQL>} header lines are the migrations the schema is compared with (none:
 * only the key rule runs). {@code X.fixed.ts} is what the rule's first fixes make of {@code X.ts}.
 */
class DrizzleSchemaFixtureTest {

    private static final Pattern MARKER = Pattern.compile("^\\s*//\\s*expect:\\s*([a-z0-9-]+)\\s+at\\s+\"(.*)\"\\s*$");
    private static final Pattern MIGRATION = Pattern.compile("^\\s*//\\s*migrations:(.*)$");

    @TestFactory
    Stream<DynamicTest> everySchemaFixtureFindsExactlyWhatItsMarkersSay() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.walk(Fixture.FIXTURES)) {
            fixtures = files.filter(p -> p.toString().endsWith(".ts") && !p.toString().endsWith(".fixed.ts")).sorted().toList();
        }
        assertFalse(fixtures.isEmpty(), "no .ts fixtures under " + Fixture.FIXTURES);
        return fixtures.stream().map(p -> DynamicTest.dynamicTest(p.getParent().getFileName() + "/" + p.getFileName(),
                p.toUri(), () -> check(p)));
    }

    private static void check(Path path) throws IOException {
        String rule = path.getParent().getFileName().toString();
        String text = Files.readString(path, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        StringBuilder migrations = new StringBuilder();
        List<int[]> markers = new ArrayList<>(); // {line index of the marker, target line index}
        List<String> markerTexts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            Matcher sql = MIGRATION.matcher(lines[i]);
            if (m.matches() && m.group(1).equals(rule)) {
                int target = i + 1;
                while (target < lines.length && MARKER.matcher(lines[target]).matches()) {
                    target++;
                }
                markers.add(new int[] {i, target});
                markerTexts.add(m.group(2));
            } else if (sql.matches()) {
                migrations.append(sql.group(1)).append('\n');
            }
        }
        SchemaModel migrated = migrations.isEmpty() ? SchemaModel.EMPTY
                : Analyzer.replay(SqlFile.parse(migrations.toString()), FileContext.standalone("0000_init.sql"));
        var rules = migrations.isEmpty() ? java.util.Set.of(DrizzleDrift.REQUIRE_UUID_KEYS) : DrizzleDrift.ALL;
        List<Finding> findings = new ArrayList<>(DrizzleDrift.checkProject(DrizzleProject.read(Map.of(path, text)),
                migrated, rules).get(path).stream().filter(f -> f.rule().equals(rule)).toList());
        List<String> errors = new ArrayList<>();
        for (int k = 0; k < markers.size(); k++) {
            int targetLine = markers.get(k)[1];
            String expected = markerTexts.get(k);
            Finding found = findings.stream().filter(f -> lineOf(text, f.range().start()) == targetLine)
                    .filter(f -> Fixture.collapse(f.range().text(text)).startsWith(Fixture.collapse(expected)))
                    .findFirst().orElse(null);
            if (found == null) {
                errors.add((markers.get(k)[0] + 1) + ": no " + rule + " finding at \"" + expected + "\"");
            } else {
                findings.remove(found);
            }
        }
        findings.forEach(f -> errors.add((lineOf(text, f.range().start()) + 1) + ": finding without a marker: " + f.rule()
                + " at \"" + Fixture.collapse(f.range().text(text)) + "\" (" + f.message() + ")"));
        if (!errors.isEmpty()) {
            fail(errors.size() + " problem(s) in " + path.getFileName() + ":\n  " + String.join("\n  ", errors));
        }
        checkFix(path, text, migrated, rules, rule);
    }

    private static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void checkFix(Path path, String text, SchemaModel migrated, java.util.Set<String> rules, String rule)
            throws IOException {
        List<Finding> fixable = DrizzleDrift.checkProject(DrizzleProject.read(Map.of(path, text)), migrated, rules).get(path)
                .stream().filter(f -> f.rule().equals(rule) && !f.fixes().isEmpty()).toList();
        String name = path.getFileName().toString();
        Path twin = path.resolveSibling(name.substring(0, name.length() - ".ts".length()) + ".fixed.ts");
        if (!Files.exists(twin)) {
            if (!fixable.isEmpty()) {
                fail(name + ": " + rule + " offers a fix but there is no " + twin.getFileName());
            }
            return;
        }
        assertEquals(Files.readString(twin, StandardCharsets.UTF_8), Fixes.apply(text, Fixes.firstFixes(fixable)),
                "applying the fixes of " + rule + " to " + name);
    }
}
