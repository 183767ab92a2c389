package dev.miglint.rules;

import dev.miglint.rules.docs.RuleDocs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule catalogue holds together: ids, names, metadata, fixtures and docs pages. */
class CatalogueTest {

    private static List<String> ids() {
        return Rules.ALL.stream().map(r -> r.info().id()).toList();
    }

    @Test
    void ruleIdsAreUniqueAndSorted() {
        List<String> ids = ids();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate rule ids in Rules.ALL: " + ids);
        assertEquals(ids.stream().sorted().toList(), ids, "Rules.ALL must be sorted by id");
    }

    @Test
    void ruleIdsAreKebabCase() {
        for (String id : ids()) {
            assertTrue(id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), "rule id is not kebab-case: " + id);
        }
    }

    @Test
    void ruleClassIsNamedAfterItsId() {
        for (Rule rule : Rules.ALL) {
            assertEquals(pascalCase(rule.info().id()), rule.getClass().getSimpleName(),
                    "rule " + rule.info().id() + " lives in the wrong class");
        }
    }

    @Test
    void summaryIsOneLineWithoutTrailingPeriod() {
        for (Rule rule : Rules.ALL) {
            String summary = rule.info().summary();
            assertTrue(!summary.isBlank() && !summary.endsWith(".") && !summary.contains("\n"),
                    rule.info().id() + ": summary must be one line without a trailing period: \"" + summary + "\"");
        }
    }

    /** Reports no input can provoke on purpose, and why. */
    private static final Map<String, String> NO_FIXTURE = Map.of(
            "internal-error", "a bug of ours; no known input triggers it (FrontEndFuzzTest checks none does)",
            "not-analysed", "editor only: a document over 5 MB or with NUL characters (LspProcessIT sends one)");

    @Test
    void everyRuleHasAFixtureWithAMarkerForIt() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String id : ids()) {
            if (NO_FIXTURE.containsKey(id) || hasProjectFixture(id)) {
                continue;
            }
            if (RuleDocs.firstFailingFixture(RuleDocs.fixtureDir(FixtureHarness.PROJECT_ROOT, id), id).isEmpty()) {
                missing.add(id + " (expected a .sql file with '-- expect: " + id + " at \"…\"' in "
                        + FixtureHarness.PROJECT_ROOT.relativize(RuleDocs.fixtureDir(FixtureHarness.PROJECT_ROOT, id)) + ")");
            }
        }
        assertTrue(missing.isEmpty(), "rules without a failing fixture: " + missing);
    }

    @Test
    void everyFixableRuleHasAFixFixture() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Rule rule : Rules.ALL) {
            String id = rule.info().id();
            Path dir = RuleDocs.fixtureDir(FixtureHarness.PROJECT_ROOT, id);
            if (rule.info().fixable() && !hasFixedFile(dir)) {
                missing.add(id);
            }
        }
        assertTrue(missing.isEmpty(), "fixable rules without a .fixed.sql fixture: " + missing);
    }

    @Test
    void everyRuleHasADocsPage() {
        List<String> missing = new ArrayList<>();
        for (String id : ids()) {
            if (!Files.isRegularFile(RuleDocs.page(FixtureHarness.PROJECT_ROOT, id))) {
                missing.add("docs/rules/" + id + ".md");
            }
        }
        assertTrue(missing.isEmpty(), "missing docs pages " + missing + "; generate them: " + RuleDocs.REGENERATE);
    }

    @Test
    void everyDocsPageBelongsToARule() throws IOException {
        Path dir = FixtureHarness.PROJECT_ROOT.resolve("docs/rules");
        Set<String> ids = new java.util.HashSet<>(ids());
        try (Stream<Path> pages = Files.list(dir)) {
            List<String> orphans = pages.map(p -> p.getFileName().toString())
                    .filter(n -> !ids.contains(n.replaceFirst("\\.md$", "")))
                    .toList();
            assertTrue(orphans.isEmpty(), "docs pages of no rule in " + dir + ": " + orphans);
        }
    }

    /** A project fixture {@code <rule-id>/<scenario>/} with a marker or a listed finding of the rule. */
    private static boolean hasProjectFixture(String id) throws IOException {
        Path dir = RuleDocs.fixtureDir(FixtureHarness.PROJECT_ROOT, id);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> Files.isRegularFile(p) && dir.relativize(p).getNameCount() > 1).toList()) {
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (text.contains("expect: " + id + " at") || f.getFileName().toString().equals(FixtureHarness.EXPECTED)
                        && text.contains(" " + id)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasFixedFile(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".fixed.sql")
                    && Files.exists(p.resolveSibling(p.getFileName().toString().replace(".fixed.sql", ".sql"))));
        }
    }

    static String pascalCase(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    @Test
    void pascalCaseJoinsTheWordsOfAnId() {
        assertEquals("RequireIfNotExists", pascalCase("require-if-not-exists"));
        assertEquals("BanDropColumn", pascalCase("ban-drop-column"));
    }
}
