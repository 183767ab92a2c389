package dev.miglint.rules;

import dev.miglint.config.ConfigLoader;
import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.rules.docs.RuleDocs;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule fixture file read for the test: its markers, its config header, and the problems with how
 * they are written (a malformed marker must fail, not silently check nothing).
 */
record Fixture(Path path, String text, List<Marker> markers, Settings settings, List<String> setup,
               List<String> problems) {

    /** The project root: surefire runs in the module directory, {@code rules/}. */
    static final Path PROJECT_ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path FIXTURES = PROJECT_ROOT.resolve("rules/src/test/resources/rules");

    private static final Pattern EXPECT_LIKE = Pattern.compile("^\\s*--\\s*expect\\b.*");
    private static final Pattern CONFIG = Pattern.compile("^\\s*--\\s*config:(.*)$");
    /** {@code -- setup: <SQL>}: objects the fixture assumes, created before it runs on PostgreSQL. */
    private static final Pattern SETUP = Pattern.compile("^\\s*--\\s*setup:(.*)$");
    /** The path the setup objects are created in: any path other than the fixture's own. */
    private static final String SETUP_PATH = "setup.sql";

    /**
     * @param line       1-based line of the marker
     * @param start      offset of the marker line's first character
     * @param next       offset of the first character of the line after the marker
     */
    record Marker(String rule, String text, int line, int start, int next) {

        @Override
        public String toString() {
            return "-- expect: " + rule + " at \"" + text + "\"";
        }
    }

    static Fixture read(Path path, String text) {
        List<Marker> markers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Settings settings = Settings.DEFAULTS;
        List<String> setup = new ArrayList<>();
        boolean header = true;
        int offset = 0;
        int lineNo = 0;
        while (offset <= text.length()) {
            int eol = text.indexOf('\n', offset);
            int next = eol < 0 ? text.length() + 1 : eol + 1;
            String line = text.substring(offset, eol < 0 ? text.length() : eol).stripTrailing();
            lineNo++;
            Matcher marker = RuleDocs.MARKER.matcher(line);
            Matcher configLine = CONFIG.matcher(line);
            Matcher setupLine = SETUP.matcher(line);
            if (marker.matches()) {
                markers.add(new Marker(marker.group(1), marker.group(2), lineNo, offset, Math.min(next, text.length())));
            } else if (EXPECT_LIKE.matcher(line).matches()) {
                problems.add(lineNo + ": malformed marker, write -- expect: <rule-id> at \"<text>\": " + line.trim());
            } else if (configLine.matches()) {
                if (header) {
                    settings = parseConfig(configLine.group(1), lineNo, problems);
                } else {
                    problems.add(lineNo + ": -- config: belongs in the header, before the first statement");
                }
            } else if (setupLine.matches()) {
                if (header) {
                    setup.add(setupLine.group(1).trim());
                } else {
                    problems.add(lineNo + ": -- setup: belongs in the header, before the first statement");
                }
            }
            if (!line.isBlank() && !line.trim().startsWith("--")) {
                header = false;
            }
            offset = next;
        }
        return new Fixture(path, text, List.copyOf(markers), settings, List.copyOf(setup), List.copyOf(problems));
    }

    /** The header is read like a {@code .miglint.json}: any problem (an unknown key) fails the fixture. */
    private static Settings parseConfig(String json, int lineNo, List<String> problems) {
        ConfigLoader.Loaded loaded = ConfigLoader.parse(json, null);
        loaded.problems().forEach(p -> problems.add(lineNo + ": -- config: " + p));
        return loaded.settings();
    }

    /**
     * How the fixture is analysed: its config, as a lone file whose earlier migrations are its
     * {@code -- setup:} lines, so what they create existed before the file (and has known column types).
     */
    FileContext context() {
        SchemaModel schema = SchemaModel.EMPTY;
        for (String sql : setup) {
            schema = Analyzer.replay(SqlFile.parse(sql), new FileContext(SETUP_PATH, settings, Runner.NONE, schema));
        }
        return new FileContext("", settings, settings.runnerOr(Runner.NONE), schema);
    }

    /** 1-based line of a UTF-16 offset. */
    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** "path:line" for messages, relative to the project root. */
    String at(int line) {
        return PROJECT_ROOT.relativize(path) + ":" + line;
    }

    static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
