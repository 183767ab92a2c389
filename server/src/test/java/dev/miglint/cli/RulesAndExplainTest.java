package dev.miglint.cli;

import dev.miglint.rules.Rule;
import dev.miglint.rules.Rules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesAndExplainTest {

    @Test
    void rulesPrintsAHeaderThenOneRowPerRuleWithSeverityFixableAndSummary() {
        CliRun run = CliRun.of("rules");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        assertEquals(List.of("id", "category", "severity", "fixable", "summary"),
                List.of(lines.get(0).trim().split("\\s+")));
        assertEquals(Rules.ALL.size() + 1, lines.size(), run.out());
        for (int i = 0; i < Rules.ALL.size(); i++) {
            var info = Rules.ALL.get(i).info();
            List<String> cells = List.of(lines.get(i + 1).split("\\s{2,}"));
            assertEquals(List.of(info.id(), info.category().name().toLowerCase(java.util.Locale.ROOT),
                    info.optIn() ? "off" : info.severity().label(), info.fixable() ? "yes" : "no", info.summary()),
                    cells);
        }
    }

    @Test
    void explainPrintsExactlyTheDocsPageOfEveryRule() throws IOException {
        for (Rule rule : Rules.ALL) {
            String id = rule.info().id();
            CliRun run = CliRun.of("explain", id);

            assertEquals(0, run.exitCode(), run.err());
            Path page = Path.of("..", "docs", "rules", id + ".md");
            assertEquals(Files.readString(page, StandardCharsets.UTF_8), run.out(), id);
        }
    }

    @Test
    void explainOfAnUnknownRuleExitsTwoNamingTheCloseIds() {
        CliRun run = CliRun.of("explain", "require-if-not-exist");

        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("miglint: unknown rule 'require-if-not-exist'; did you mean "
                + "require-if-not-exists"), "the closest id comes first: " + run.err());
        assertEquals("", run.out());
    }

    @Test
    void explainOfSomethingFarFromEveryIdPointsAtTheRulesCommand() {
        CliRun run = CliRun.of("explain", "zzz");

        assertEquals(2, run.exitCode());
        assertEquals(List.of("miglint: unknown rule 'zzz' (list them with: miglint rules)"), run.errLines());
    }

    @Test
    void explainWithoutARuleIsAUsageError() {
        CliRun run = CliRun.of("explain");

        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("miglint: "), run.err());
    }
}
