package dev.miglint.rules;

import dev.miglint.alembic.AlembicReader;
import dev.miglint.alembic.AlembicVersion;
import dev.miglint.alembic.OpCall;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.change.Change;
import dev.miglint.config.ConfigLoader;
import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.drizzle.schema.DrizzleProject;
import dev.miglint.project.ConfigResolver;
import dev.miglint.project.ProjectService;
import dev.miglint.rules.alembic.AlembicAnalyzer;
import dev.miglint.rules.alembic.AlembicHistory;
import dev.miglint.rules.docs.RuleDocs;
import dev.miglint.rules.models.DrizzleDrift;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.text.Span;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one harness for rule fixtures, {@code <root>/<rule-id>/X.sql|.py|.ts}. A marker
 * {@code -- expect: <rule> at "<text>"} ({@code #} in Python, {@code //} in TypeScript) describes the next
 * line that is no marker, with the statement (SQL) or op call (Python) starting on it: a finding of that
 * rule must start there, its text beginning with the quoted text (which runs to the line's last quote;
 * whitespace is collapsed). Strict both ways for the folder's rule and every rule a marker of the file
 * names; unmarked findings of other rules are ignored, so a fixture marks only what it is about.
 * <p>
 * Header lines, before the first line of code: {@code config: {…}} (.sql, .py), {@code setup: <SQL>}
 * (.sql: objects that exist before the file), {@code alembic: <version>} (.py), {@code migrations: <SQL>}
 * (.ts: what the schema is compared with; without them only require-uuid-keys runs).
 * <p>
 * {@code X.fixed.<ext>} is byte for byte what the first fixes of the folder rule's findings make of X;
 * analysed again it keeps no finding of that rule except those that offered no fix.
 */
final class FixtureHarness {

    /** The project root: surefire runs in the module directory, {@code rules/}. */
    static final Path PROJECT_ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path FIXTURES = PROJECT_ROOT.resolve("rules/src/test/resources/rules");

    /** What a marker may name besides a rule: problems the analysers report themselves. */
    private FixtureHarness() {
    }

    enum Language {
        SQL(".sql", "--", List.of("config", "setup")),
        PYTHON(".py", "#", List.of("config", "alembic")),
        TYPESCRIPT(".ts", "//", List.of("migrations"));

        final String extension;
        final String comment;
        final List<String> headers;
        /** RuleDocs strips the same SQL markers from the docs' examples. */
        final Pattern marker;
        final Pattern expectLike;
        final Pattern header;

        Language(String extension, String comment, List<String> headers) {
            this.extension = extension;
            this.comment = comment;
            this.headers = headers;
            String c = Pattern.quote(comment);
            marker = Pattern.compile(RuleDocs.MARKER.pattern().replace("--", c));
            expectLike = Pattern.compile("^\\s*" + c + "\\s*expect\\b.*");
            header = Pattern.compile("^\\s*" + c + "\\s*(config|setup|alembic|migrations):(.*)$");
        }

        static Optional<Language> of(Path file) {
            String name = file.getFileName().toString();
            return Arrays.stream(values()).filter(l -> name.endsWith(l.extension)).findFirst();
        }
    }

    /** @param start offset of the marker line; @param next offset of the line after it */
    record Marker(String rule, String text, int line, int start, int next) {

        @Override
        public String toString() {
            return "expect: " + rule + " at \"" + text + "\"";
        }
    }

    /** A fixture file as read: markers, header values, and what is wrong with how they are written. */
    record Fixture(Path path, String text, Language language, List<Marker> markers, Settings settings,
                   Map<String, List<String>> headers, List<String> problems) {

        static Fixture read(Path path, String text) {
            Language language = Language.of(path).orElseThrow(() -> new IllegalArgumentException(path + " is no fixture"));
            List<Marker> markers = new ArrayList<>();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            Settings settings = Settings.DEFAULTS;
            boolean inHeader = true;
            int lineNo = 0;
            for (int offset = 0; offset <= text.length(); offset = lineEnd(text, offset) + 1) {
                String line = text.substring(offset, lineEnd(text, offset)).stripTrailing();
                String at = FixtureHarness.at(path, ++lineNo) + ": ";
                Matcher marker = language.marker.matcher(line);
                Matcher header = language.header.matcher(line);
                if (marker.matches()) {
                    int next = Math.min(lineEnd(text, offset) + 1, text.length());
                    markers.add(new Marker(marker.group(1), marker.group(2), lineNo, offset, next));
                } else if (language.expectLike.matcher(line).matches()) {
                    problems.add(at + "malformed marker, write " + language.comment + " expect: <rule-id> at \"<text>\": "
                            + line.strip());
                } else if (header.matches() && !language.headers.contains(header.group(1))) {
                    problems.add(at + header.group(1) + ": is no header of " + language.extension + " fixtures "
                            + language.headers);
                } else if (header.matches() && !inHeader) {
                    problems.add(at + header.group(1) + ": belongs in the header, before the first line of code");
                } else if (header.matches()) {
                    String value = header.group(2).strip();
                    headers.computeIfAbsent(header.group(1), k -> new ArrayList<>()).add(value);
                    if (header.group(1).equals("config")) {
                        settings = settings(value, at, problems);
                    } else if (header.group(1).equals("alembic") && AlembicVersion.parse(value).isEmpty()) {
                        problems.add(at + "alembic: unparsable version \"" + value + "\"");
                    }
                }
                inHeader &= line.isBlank() || line.strip().startsWith(language.comment);
            }
            for (String key : List.of("config", "alembic")) {
                if (headers.getOrDefault(key, List.of()).size() > 1) {
                    problems.add(FixtureHarness.at(path, 0) + ": " + key + ": one header line, not several");
                }
            }
            return new Fixture(path, text, language, List.copyOf(markers), settings, Map.copyOf(headers),
                    List.copyOf(problems));
        }

        /** The header is read like a {@code .miglint.json}: any problem (an unknown key) fails the fixture. */
        private static Settings settings(String json, String at, List<String> problems) {
            if (json.isBlank()) {
                problems.add(at + "config: write a JSON object");
            }
            ConfigLoader.Loaded loaded = ConfigLoader.parse(json, null);
            loaded.problems().forEach(p -> problems.add(at + "config: " + p));
            return loaded.settings();
        }

        List<String> header(String key) {
            return headers.getOrDefault(key, List.of());
        }

        /** A lone SQL file whose earlier migrations are its {@code setup:} lines. */
        FileContext sqlContext() {
            SchemaModel schema = SchemaModel.EMPTY;
            for (String sql : header("setup")) {
                schema = Analyzer.replay(SqlFile.parse(sql), new FileContext("setup.sql", settings, Runner.NONE, schema));
            }
            return new FileContext("", settings, settings.runnerOr(Runner.NONE), schema);
        }

        int lineOf(int offset) {
            return FixtureHarness.lineOf(text, offset);
        }

        String at(int line) {
            return FixtureHarness.at(path, line);
        }
    }

    /**
     * The one call that turns a fixture's text into findings (the fixed twins' too): each kind of file
     * goes to the analysis the product runs on it, with the settings of the fixture's header.
     */
    static List<Finding> analyse(Path fixture, String text) {
        Fixture f = Fixture.read(fixture, text);
        return switch (f.language()) {
            case SQL -> Analyzer.withAllRules().analyze(SqlFile.parse(text), f.sqlContext()).findings();
            case PYTHON -> analyseRevision(f);
            case TYPESCRIPT -> analyseDrizzleSchema(f);
        };
    }

    private static List<Finding> analyseRevision(Fixture f) {
        if (!(AlembicReader.read(f.text()) instanceof RevisionFile revision)) {
            return fail(at(f.path(), 0) + " is not an Alembic revision");
        }
        AlembicVersion.Version version = f.header("alembic").stream().findFirst()
                .flatMap(AlembicVersion::parse).orElse(null);
        FileContext context = new FileContext(f.path().toString(), f.settings(), Runner.ALEMBIC, SchemaModel.EMPTY);
        List<Finding> findings = new ArrayList<>(AlembicAnalyzer.analyze(Analyzer.withAllRules(), f.text(), revision,
                context, version).findings());
        findings.addAll(PythonIgnores.apply(AlembicHistory.checkFile(revision), f.text(), Set.of()));
        return findings;
    }

    private static List<Finding> analyseDrizzleSchema(Fixture f) {
        List<String> migrations = f.header("migrations");
        SchemaModel migrated = migrations.isEmpty() ? SchemaModel.EMPTY : Analyzer.replay(
                SqlFile.parse(String.join("\n", migrations) + "\n"), FileContext.standalone("0000_init.sql"));
        // Without migrations every table would be "without migration": only the key rule runs.
        Set<String> rules = migrations.isEmpty() ? Set.of(DrizzleDrift.REQUIRE_UUID_KEYS) : DrizzleDrift.ALL;
        return DrizzleDrift.checkProject(DrizzleProject.read(Map.of(f.path(), f.text())), migrated, rules)
                .getOrDefault(f.path(), List.of());
    }

    /** Checks one fixture: its markers against its findings, then its fixes against its fixed twin. */
    static void check(Path path) throws IOException {
        Fixture f = Fixture.read(path, Files.readString(path, StandardCharsets.UTF_8));
        String rule = path.getParent().getFileName().toString();
        List<String> errors = new ArrayList<>(f.problems());
        if (Rules.byId(rule).isEmpty()) {
            errors.add(at(path, 0) + ": folder " + rule + " names no rule: fixture folders are rule ids");
        }
        List<Finding> findings = analyse(path, f.text());
        checkMarkers(f, rule, findings, errors);
        if (!errors.isEmpty()) {
            fail(errors.size() + " problem(s) in fixture " + path.getFileName() + ":\n  " + String.join("\n  ", errors));
        }
        checkFix(f, rule, findings);
    }

    /** The markers of one file against its findings: strict both ways for the rule and every rule a marker names. */
    private static void checkMarkers(Fixture f, String rule, List<Finding> findings, List<String> errors) {
        findings.stream().filter(x -> x.rule().equals(Analyzer.INTERNAL_ERROR))
                .forEach(x -> errors.add(f.at(f.lineOf(x.range().start())) + ": " + x.message()));
        Set<String> checked = new LinkedHashSet<>(List.of(rule));
        Map<Marker, Span> targets = new LinkedHashMap<>();
        List<Span> units = units(f);
        for (Marker m : f.markers()) {
            if (Rules.byId(m.rule()).isEmpty()) {
                errors.add(f.at(m.line()) + ": marker names no rule: " + m);
                continue;
            }
            checked.add(m.rule());
            Span target = target(f, m, units, errors);
            if (target != null) {
                targets.put(m, target);
            }
        }
        checked.forEach(r -> match(f, r, targets, findings, errors));
    }

    /** Where a project fixture lists findings on files that hold no comments (a Drizzle journal): {@code path:line rule}. */
    static final String EXPECTED = "expected.txt";

    /**
     * Checks a project fixture, {@code <rule-id>/<scenario>/}: a small project (an Alembic history, a
     * Drizzle folder) the project service judges as {@code miglint check} does. Each .sql, .py and .ts
     * file's markers are checked against its findings; findings on other files (JSON) are listed in
     * {@value #EXPECTED} as {@code <relative path>:<line> <rule>}, strictly too.
     */
    static void checkProject(Path dir) throws IOException {
        String rule = dir.getParent().getFileName().toString();
        List<String> errors = new ArrayList<>();
        if (Rules.byId(rule).isEmpty()) {
            errors.add(at(dir, 0) + ": folder " + rule + " names no rule: fixture folders are rule ids");
        }
        Map<Path, List<Finding>> byFile = new LinkedHashMap<>();
        Map<Path, String> texts = new LinkedHashMap<>();
        try {
            for (var r : new ProjectService(new ConfigResolver(), ProjectService.Mode.RUN).analyze(List.of(dir))) {
                byFile.put(r.path(), r.findings());
                texts.put(r.path(), r.text() == null ? "" : r.text());
            }
        } catch (ProjectService.NotFound e) {
            fail(e.getMessage());
        }
        Set<String> expected = new LinkedHashSet<>();
        Path list = dir.resolve(EXPECTED);
        if (Files.exists(list)) {
            Files.readAllLines(list).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(expected::add);
        }
        Set<String> found = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path key = file.toAbsolutePath().normalize();
                String relative = dir.relativize(file).toString().replace('\\', '/');
                String text = texts.getOrDefault(key, "");
                List<Finding> findings = new ArrayList<>();
                for (Finding x : byFile.getOrDefault(key, List.of())) {
                    String listed = relative + ":" + lineOf(text, x.range().start()) + " " + x.rule();
                    if (expected.contains(listed)) {
                        found.add(listed); // findings on a line no marker can precede (a file's first line, JSON)
                    } else {
                        findings.add(x);
                    }
                }
                Optional<String> source = Language.of(file).isPresent() ? readUtf8(file) : Optional.empty();
                if (source.isPresent()) {
                    Fixture f = Fixture.read(file, source.get());
                    errors.addAll(f.problems());
                    checkMarkers(f, rule, findings, errors);
                } else {
                    findings.stream().filter(x -> x.rule().equals(rule)).forEach(x -> found.add(
                            relative + ":" + lineOf(text, x.range().start()) + " " + rule));
                }
            }
        }
        for (String e : expected) {
            if (!found.contains(e)) {
                errors.add(dir.relativize(list) + ": no finding for " + e + (found.isEmpty() ? "" : "; there are " + found));
            }
        }
        for (String e : found) {
            if (!expected.contains(e)) {
                errors.add(dir.getFileName() + ": finding not listed in " + EXPECTED + ": " + e);
            }
        }
        if (!errors.isEmpty()) {
            fail(errors.size() + " problem(s) in project fixture " + dir.getParent().getFileName() + "/" + dir.getFileName()
                    + ":\n  " + String.join("\n  ", errors));
        }
    }

    /** Code a marker describes as a whole when it starts on the marker's line: statements, DO bodies' too; op calls. */
    private static List<Span> units(Fixture f) {
        return switch (f.language()) {
            case SQL -> {
                SqlFile file = SqlFile.parse(f.text());
                yield Stream.concat(file.statements().stream(), file.allChanges().stream().map(Change::statement))
                        .map(Statement::span).distinct().toList();
            }
            case PYTHON -> AlembicReader.read(f.text()) instanceof RevisionFile r
                    ? r.calls().stream().map(OpCall::span).toList() : List.of();
            case TYPESCRIPT -> List.of();
        };
    }

    /** The code after a marker and its fellow markers, or null (with the error) when the marker is misplaced. */
    private static Span target(Fixture f, Marker m, List<Span> units, List<String> errors) {
        String text = f.text();
        int start = m.next();
        while (start < text.length() && f.language().marker.matcher(line(text, start).stripTrailing()).matches()) {
            start = Math.min(lineEnd(text, start) + 1, text.length());
        }
        String line = line(text, start);
        String where = f.at(m.line()) + ": " + m;
        if (line.isBlank()) {
            errors.add(where + " has no code on the line after it");
            return null;
        }
        // An ignore comment is code for the rules about ignore comments; any other comment is a misplaced marker.
        boolean ignoreComment = line.strip().startsWith(f.language().comment + " miglint-ignore");
        if (line.strip().startsWith(f.language().comment) && !ignoreComment) {
            errors.add(where + " must be directly before its code, with nothing but other markers in between");
            return null;
        }
        int code = start + line.length() - line.stripLeading().length();
        int end = lineEnd(text, start);
        List<Span> starting = units.stream().filter(u -> u.start() >= code && u.start() < end).toList();
        if (f.language() == Language.SQL && !ignoreComment && starting.stream().noneMatch(u -> u.start() == code)) {
            errors.add(where + " is not directly before a statement: line " + f.lineOf(code)
                    + " starts none (a marker inside a statement describes nothing)");
            return null;
        }
        Span target = new Span(code, Math.max(end, starting.stream().mapToInt(Span::end).max().orElse(end)));
        if (!collapse(target.text(text)).contains(collapse(m.text()))) {
            errors.add(where + ": the quoted text does not occur in the code after it, \""
                    + abbreviate(target.text(text)) + "\"");
            return null;
        }
        return target;
    }

    /** Pairs the markers and findings of one rule; what stays unpaired on either side is an error. */
    private static void match(Fixture f, String rule, Map<Marker, Span> targets, List<Finding> findings,
                              List<String> errors) {
        List<Finding> unmatched = new ArrayList<>(findings.stream().filter(x -> x.rule().equals(rule)).toList());
        targets.forEach((m, target) -> {
            if (!m.rule().equals(rule)) {
                return;
            }
            List<Finding> there = unmatched.stream().filter(x -> target.contains(x.range().start())).toList();
            Optional<Finding> found = there.stream()
                    .filter(x -> collapse(x.range().text(f.text())).startsWith(collapse(m.text()))).findFirst();
            if (found.isPresent()) {
                unmatched.remove(found.get());
                return;
            }
            StringBuilder why = new StringBuilder(f.at(m.line()) + ": no finding for " + m);
            there.forEach(x -> why.append("; there is ").append(describe(f.text(), x)));
            errors.add(why.toString());
        });
        unmatched.forEach(x -> errors.add(f.at(f.lineOf(x.range().start())) + ": finding without a marker: "
                + describe(f.text(), x)));
    }

    private static void checkFix(Fixture f, String rule, List<Finding> findings) throws IOException {
        List<Finding> ofRule = findings.stream().filter(x -> x.rule().equals(rule)).toList();
        List<Finding> fixable = ofRule.stream().filter(x -> !x.fixes().isEmpty()).toList();
        Path twin = fixedTwin(f.path());
        String name = f.path().getFileName().toString();
        if (!Files.exists(twin)) {
            if (!fixable.isEmpty()) {
                fail(f.at(f.lineOf(fixable.get(0).range().start())) + ": " + describe(f.text(), fixable.get(0))
                        + " offers a fix but there is no " + twin.getFileName() + " to test it");
            }
            return;
        }
        assertTrue(!fixable.isEmpty(), twin.getFileName() + " exists but no " + rule + " finding of " + name
                + " offers a fix");
        String fixed = Fixes.apply(f.text(), Fixes.firstFixes(fixable));
        byte[] expected = Files.readAllBytes(twin);
        assertEquals(new String(expected, StandardCharsets.UTF_8), fixed,
                "applying the fixes of " + rule + " to " + name + " does not give " + twin.getFileName());
        assertTrue(Arrays.equals(expected, fixed.getBytes(StandardCharsets.UTF_8)), twin + " differs byte for byte");
        // A finding that offered no fix may stay (Alembic before 1.12 has no if_not_exists=); nothing else may.
        List<String> unfixable = new ArrayList<>(ofRule.stream().filter(x -> x.fixes().isEmpty())
                .map(x -> collapse(x.range().text(f.text()))).toList());
        List<String> left = analyse(twin, fixed).stream()
                .filter(x -> x.rule().equals(Analyzer.INTERNAL_ERROR)
                        || x.rule().equals(rule) && !unfixable.remove(collapse(x.range().text(fixed))))
                .map(x -> twin.getFileName() + ":" + lineOf(fixed, x.range().start()) + ": " + describe(fixed, x))
                .toList();
        assertTrue(left.isEmpty(), "the fixed text, analysed again, still has findings:\n  " + String.join("\n  ", left));
    }

    /** The fixtures under a root like {@link #FIXTURES}: {@code <rule-id>/X.sql|.py|.ts}, fixed twins aside. */
    static List<Path> fixtures(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(p -> root.relativize(p).getNameCount() == 2 && Files.isRegularFile(p))
                    .filter(p -> Language.of(p).isPresent() && !isFixedTwin(p)).sorted().toList();
        }
    }

    private static Optional<String> readUtf8(Path file) throws IOException {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.MalformedInputException e) {
            return Optional.empty(); // a fixture of unreadable-file: its findings are listed
        }
    }

    /** The project fixtures: folders {@code <rule-id>/<scenario>/}. */
    static List<Path> projectFixtures(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root, 2)) {
            return dirs.filter(p -> root.relativize(p).getNameCount() == 2 && Files.isDirectory(p)).sorted().toList();
        }
    }

    /** Files under a fixture root that are no fixture, or a fixed twin without its fixture. */
    static List<String> strayFiles(Path root) throws IOException {
        List<String> stray = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString();
                int depth = root.relativize(p).getNameCount();
                if (depth > 2 && Files.isDirectory(root.resolve(root.relativize(p).subpath(0, 2)))) {
                    continue; // a file of a project fixture
                }
                if (depth != 2) {
                    stray.add(rel + ": not in a <rule-id>/ folder");
                } else if (Language.of(p).isEmpty()) {
                    stray.add(rel + ": no fixture (.sql, .py, .ts) nor a fixed twin of one");
                } else if (isFixedTwin(p) && !Files.exists(fixtureOf(p))) {
                    stray.add(rel + ": a fixed twin without its fixture " + fixtureOf(p).getFileName());
                }
            }
        }
        return stray;
    }

    static boolean isFixedTwin(Path file) {
        return Language.of(file).map(l -> file.getFileName().toString().endsWith(".fixed" + l.extension)).orElse(false);
    }

    static Path fixedTwin(Path fixture) {
        String ext = Language.of(fixture).orElseThrow().extension;
        String name = fixture.getFileName().toString();
        return fixture.resolveSibling(name.substring(0, name.length() - ext.length()) + ".fixed" + ext);
    }

    private static Path fixtureOf(Path twin) {
        String ext = Language.of(twin).orElseThrow().extension;
        String name = twin.getFileName().toString();
        return twin.resolveSibling(name.substring(0, name.length() - ".fixed".length() - ext.length()) + ext);
    }

    private static int lineEnd(String text, int from) {
        int eol = text.indexOf('\n', from);
        return eol < 0 ? text.length() : eol;
    }

    private static String line(String text, int from) {
        return text.substring(from, lineEnd(text, from));
    }

    static int lineOf(String text, int offset) {
        return (int) text.substring(0, Math.min(offset, text.length())).chars().filter(c -> c == '\n').count() + 1;
    }

    /** "path:line" for messages, relative to the project root; line 0 means the whole file. */
    static String at(Path path, int line) {
        return PROJECT_ROOT.relativize(path.toAbsolutePath()) + (line > 0 ? ":" + line : "");
    }

    private static String describe(String text, Finding f) {
        return f.rule() + " at \"" + abbreviate(f.range().text(text)) + "\" (" + f.message() + ")";
    }

    private static String abbreviate(String s) {
        String c = collapse(s);
        return c.length() > 80 ? c.substring(0, 80) + "…" : c;
    }

    static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
