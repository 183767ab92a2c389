package dev.miglint.rules.docs;

import dev.miglint.rules.Rule;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates {@code docs/rules/<id>.md} from a rule's metadata and its first failing fixture, so every
 * example in the docs is one the fixture test runs. Usage: {@code RuleDocs <project root>}.
 */
public final class RuleDocs {

    /** The fixture marker {@code -- expect: <rule-id> at "<text>"}; the fixture test reads the same pattern. */
    public static final Pattern MARKER = Pattern.compile("^[ \\t]*--[ \\t]*expect:[ \\t]*([a-z0-9-]+)[ \\t]+at[ \\t]+\"(.*)\"[ \\t]*$");
    /** The marker in any fixture language: {@code --} in SQL, {@code #} in Python, {@code //} in TypeScript. */
    public static final Pattern ANY_MARKER = Pattern.compile(
            "^[ \\t]*(?:--|#|//)[ \\t]*expect:[ \\t]*([a-z0-9-]+)[ \\t]+at[ \\t]+\"(.*)\"[ \\t]*$");
    /** How to regenerate the pages, for messages that find them stale. */
    public static final String REGENERATE =
            "mvn -q -pl rules compile && java -cp rules/target/classes dev.miglint.rules.docs.RuleDocs .";

    /** Header lines for the tests ({@code -- config:}, {@code # alembic:}, {@code // migrations:} …): not part of the example. */
    private static final Pattern HEADER = Pattern.compile("^[ \\t]*(?:--|#|//)[ \\t]*(config|setup|alembic|migrations):.*$");
    private static final List<String> LANGUAGES = List.of(".sql", ".py", ".ts");

    private RuleDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        for (Rule rule : Rules.ALL) {
            Path page = page(root, rule.id());
            Files.createDirectories(page.getParent());
            Files.writeString(page, render(root, rule), StandardCharsets.UTF_8);
            System.out.println("wrote " + root.relativize(page));
        }
    }

    public static Path page(Path root, String ruleId) {
        return root.resolve("docs").resolve("rules").resolve(ruleId + ".md");
    }

    public static Path fixtureDir(Path root, String ruleId) {
        return root.resolve("rules/src/test/resources/rules").resolve(ruleId);
    }

    /** The page for {@code rule} as the fixtures under {@code root} make it today. */
    public static String render(Path root, Rule rule) {
        Optional<Path> example = firstFailingFixture(fixtureDir(root, rule.id()), rule.id());
        String fixed = example.map(RuleDocs::fixedTwin).filter(Files::exists).map(RuleDocs::read).orElse(null);
        return render(rule, example.map(RuleDocs::read).orElse(null), fixed, example.map(RuleDocs::language).orElse("sql"));
    }

    /** The first fixture by name (SQL, then Python, then TypeScript; never a {@code .fixed} twin) with a marker for the rule. */
    public static Optional<Path> firstFailingFixture(Path dir, String ruleId) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> candidates = files.filter(RuleDocs::isAnyFixture).sorted().toList();
            for (String extension : LANGUAGES) {
                Optional<Path> found = candidates.stream().filter(p -> p.toString().endsWith(extension))
                        .filter(p -> !markedTexts(read(p), ruleId).isEmpty()).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A SQL fixture (not a {@code .fixed.sql}). */
    public static boolean isFixture(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".sql") && !name.endsWith(".fixed.sql");
    }

    /** A fixture in any language (not a {@code .fixed} twin). */
    public static boolean isAnyFixture(Path file) {
        String name = file.getFileName().toString();
        return LANGUAGES.stream().anyMatch(ext -> name.endsWith(ext) && !name.endsWith(".fixed" + ext));
    }

    public static Path fixedTwin(Path fixture) {
        String name = fixture.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return fixture.resolveSibling(name.substring(0, dot) + ".fixed" + name.substring(dot));
    }

    /** The quoted texts of the markers for {@code ruleId}, in file order. */
    public static List<String> markedTexts(String fixture, String ruleId) {
        List<String> texts = new ArrayList<>();
        for (String line : fixture.split("\n", -1)) {
            Matcher m = ANY_MARKER.matcher(line.stripTrailing());
            if (m.matches() && m.group(1).equals(ruleId)) {
                texts.add(m.group(2));
            }
        }
        return texts;
    }

    public static String render(Rule rule, String firstFailingFixture, String fixedTwin) {
        return render(rule, firstFailingFixture, fixedTwin, "sql");
    }

    /** The page: metadata, why, the first failing fixture as the example and its fixed twin. */
    public static String render(Rule rule, String firstFailingFixture, String fixedTwin, String language) {
        RuleInfo info = rule.info();
        StringBuilder md = new StringBuilder();
        md.append("<!-- Generated by dev.miglint.rules.docs.RuleDocs from the rule's metadata and fixtures; "
                + "do not edit. Regenerate: ").append(REGENERATE).append(" -->\n\n");
        md.append("# ").append(info.id()).append("\n\n");
        md.append(info.summary()).append(".\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Category | ").append(label(info.category().name())).append(" |\n");
        md.append("| Default severity | ").append(info.optIn() ? "off (opt-in; " + info.severity().label() + " when on)"
                : info.severity().label()).append(" |\n");
        md.append("| Fixable | ").append(info.fixable() ? "yes" : "no").append(" |\n");
        md.append("| Since | ").append(info.since()).append(" |\n\n");
        md.append(rule.granularity().scope()).append("\n\n");
        // Help is plain text: keep <condition> and the like from being read as HTML.
        md.append("## Why\n\n").append(info.help().replace("<", "\\<")).append("\n");
        if (firstFailingFixture != null) {
            md.append("\n## Example\n\n");
            md.append("Reported at:\n\n");
            for (String text : markedTexts(firstFailingFixture, info.id())) {
                md.append("- `").append(text.replace("`", "\\`")).append("`\n");
            }
            md.append("\n").append(block(firstFailingFixture, language));
        }
        if (fixedTwin != null) {
            md.append("\n## Fixed\n\nAfter applying the quick fix:\n\n").append(block(fixedTwin, language));
        }
        md.append("\nSilence it on one statement with `miglint-ignore ").append(info.id())
                .append(": <reason>` in a comment above it, or in a whole file with `miglint-ignore-file ")
                .append(info.id()).append(": <reason>`; set its level in `.miglint.json` under `rules`.\n");
        return md.toString();
    }

    private static String language(Path fixture) {
        String name = fixture.toString();
        return name.endsWith(".py") ? "python" : name.endsWith(".ts") ? "ts" : "sql";
    }

    /** A fenced block of the fixture without its test markers and header lines. */
    private static String block(String fixture, String language) {
        StringBuilder out = new StringBuilder();
        for (String line : fixture.split("\n", -1)) {
            if (!ANY_MARKER.matcher(line.stripTrailing()).matches() && !HEADER.matcher(line).matches()) {
                out.append(line).append('\n');
            }
        }
        // The blank line that separated the header from the example goes with the header.
        String body = out.toString().replaceFirst("^\\n+", "").stripTrailing();
        return "```" + language + "\n" + body + "\n```\n";
    }

    private static String label(String enumName) {
        String lower = enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
