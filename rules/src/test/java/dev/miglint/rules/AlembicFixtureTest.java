package dev.miglint.rules;

import dev.miglint.rules.alembic.AlembicAnalyzer;
import dev.miglint.rules.alembic.AlembicHistory;
import dev.miglint.alembic.AlembicReader;
import dev.miglint.alembic.AlembicVersion;
import dev.miglint.alembic.OpCall;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.config.ConfigLoader;
import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.schema.SchemaModel;
import dev.miglint.text.Span;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Alembic revision fixtures: {@code rules/src/test/resources/rules/<rule-id>/*.py}. A marker
 * {@code # expect: <rule> at "<text>"} describes the op call (or line) below it: a finding of that
 * rule must start there with that text, and every finding of the rules checked needs a marker. Header
 * lines {@code # config: {…}} and {@code # alembic: 1.16.0} set the settings and the Alembic version;
 * {@code X.fixed.py} is what the rule's first fixes make of {@code X.py}.
 */
class AlembicFixtureTest {

    private static final Pattern MARKER = Pattern.compile("^\\s*#\\s*expect:\\s*([a-z0-9-]+)\\s+at\\s+\"(.*)\"\\s*$");
    private static final Pattern EXPECT_LIKE = Pattern.compile("^\\s*#\\s*expect\\b.*");
    private static final Pattern CONFIG = Pattern.compile("^\\s*#\\s*config:(.*)$");
    private static final Pattern VERSION = Pattern.compile("^\\s*#\\s*alembic:\\s*(\\S+)\\s*$");

    private record Marker(String rule, String text, int line, int next) {
    }

    @TestFactory
    Stream<DynamicTest> everyRevisionFixtureFindsExactlyWhatItsMarkersSay() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.walk(Fixture.FIXTURES)) {
            fixtures = files.filter(p -> p.toString().endsWith(".py") && !p.toString().endsWith(".fixed.py")).sorted().toList();
        }
        assertFalse(fixtures.isEmpty(), "no .py fixtures under " + Fixture.FIXTURES);
        return fixtures.stream().map(p -> DynamicTest.dynamicTest(p.getParent().getFileName() + "/" + p.getFileName(),
                p.toUri(), () -> check(p)));
    }

    static boolean isKnownRule(String id) {
        return Rules.byId(id).isPresent();
    }

    private static void check(Path path) throws IOException {
        String ruleId = path.getParent().getFileName().toString();
        String text = Files.readString(path, StandardCharsets.UTF_8);
        List<String> errors = new ArrayList<>();
        Settings settings = Settings.DEFAULTS;
        AlembicVersion.Version version = null;
        List<Marker> markers = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int offset = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher marker = MARKER.matcher(line);
            Matcher config = CONFIG.matcher(line);
            Matcher alembic = VERSION.matcher(line);
            if (marker.matches()) {
                markers.add(new Marker(marker.group(1), marker.group(2), i + 1, offset + line.length() + 1));
            } else if (EXPECT_LIKE.matcher(line).matches()) {
                errors.add((i + 1) + ": malformed marker, write # expect: <rule-id> at \"<text>\"");
            } else if (config.matches()) {
                ConfigLoader.Loaded loaded = ConfigLoader.parse(config.group(1), null);
                loaded.problems().forEach(p -> errors.add(path.getFileName() + ": # config: " + p));
                settings = loaded.settings();
            } else if (alembic.matches()) {
                version = AlembicVersion.parse(alembic.group(1)).orElse(null);
            }
            offset += line.length() + 1;
        }
        if (!isKnownRule(ruleId)) {
            fail(path.getParent() + " names no rule");
        }
        FileContext context = new FileContext(path.toString(), settings, Runner.ALEMBIC, SchemaModel.EMPTY);
        List<Finding> findings = new ArrayList<>(AlembicAnalyzer.analyze(Analyzer.withAllRules(), text, context, version)
                .orElseThrow(() -> new AssertionError(path + " is not an Alembic revision")).findings());
        RevisionFile revision = (RevisionFile) AlembicReader.read(text);
        findings.addAll(AlembicHistory.withoutIgnored(AlembicHistory.checkFile(revision), text));

        Set<String> checked = new LinkedHashSet<>();
        checked.add(ruleId);
        markers.forEach(m -> checked.add(m.rule()));
        for (String rule : checked) {
            match(text, revision, markers, findings, rule, errors);
        }
        if (!errors.isEmpty()) {
            fail(errors.size() + " problem(s) in " + path.getFileName() + ":\n  " + String.join("\n  ", errors));
        }
        checkFix(path, text, findings, ruleId);
    }

    private static void match(String text, RevisionFile revision, List<Marker> markers, List<Finding> findings,
                              String rule, List<String> errors) {
        List<Finding> unmatched = new ArrayList<>(findings.stream().filter(f -> f.rule().equals(rule)).toList());
        for (Marker m : markers) {
            if (!m.rule().equals(rule)) {
                continue;
            }
            Span target = target(text, revision, m);
            Finding found = unmatched.stream()
                    .filter(f -> f.range().start() >= target.start() && f.range().start() < target.end())
                    .filter(f -> Fixture.collapse(f.range().text(text)).startsWith(Fixture.collapse(m.text())))
                    .findFirst().orElse(null);
            if (found != null) {
                unmatched.remove(found);
            } else {
                errors.add(m.line() + ": no finding for " + m.rule() + " at \"" + m.text() + "\"; found "
                        + findings.stream().map(f -> f.rule() + " at \"" + Fixture.collapse(f.range().text(text)) + "\"").toList());
            }
        }
        for (Finding f : unmatched) {
            errors.add(lineOf(text, f.range().start()) + ": finding without a marker: " + f.rule() + " at \""
                    + Fixture.collapse(f.range().text(text)) + "\" (" + f.message() + ")");
        }
    }

    /** What a marker describes: the op call that starts on the next line that is no marker, else that line. */
    private static Span target(String text, RevisionFile revision, Marker m) {
        int start = m.next();
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            if (!MARKER.matcher(line).matches()) {
                break;
            }
            start = end < 0 ? text.length() : end + 1;
        }
        int lineEnd = text.indexOf('\n', start) < 0 ? text.length() : text.indexOf('\n', start);
        for (OpCall call : revision.calls()) {
            if (call.span().start() >= start && call.span().start() < lineEnd) {
                return new Span(start, Math.max(lineEnd, call.span().end()));
            }
        }
        return new Span(start, lineEnd);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void checkFix(Path path, String text, List<Finding> findings, String ruleId) throws IOException {
        List<Finding> fixable = findings.stream().filter(f -> f.rule().equals(ruleId) && !f.fixes().isEmpty()).toList();
        String name = path.getFileName().toString();
        Path twin = path.resolveSibling(name.substring(0, name.length() - ".py".length()) + ".fixed.py");
        if (!Files.exists(twin)) {
            if (!fixable.isEmpty()) {
                fail(path.getFileName() + ": " + ruleId + " offers a fix but there is no " + twin.getFileName());
            }
            return;
        }
        assertFalse(fixable.isEmpty(), twin.getFileName() + " exists but no " + ruleId + " finding offers a fix");
        assertEquals(Files.readString(twin, StandardCharsets.UTF_8), Fixes.apply(text, Fixes.firstFixes(fixable)),
                "applying the fixes of " + ruleId + " to " + name);
    }
}
