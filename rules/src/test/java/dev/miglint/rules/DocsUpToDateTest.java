package dev.miglint.rules;

import dev.miglint.rules.docs.RuleDocs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/rules/<id>.md is generated; a page that differs from what the generator makes today is stale. */
class DocsUpToDateTest {

    @Test
    void everyCommittedRulePageMatchesTheGenerator() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Rule rule : Rules.ALL) {
            Path page = RuleDocs.page(FixtureHarness.PROJECT_ROOT, rule.info().id());
            String expected = RuleDocs.render(FixtureHarness.PROJECT_ROOT, rule);
            if (!Files.exists(page) || !Files.readString(page, StandardCharsets.UTF_8).equals(expected)) {
                stale.add(FixtureHarness.PROJECT_ROOT.relativize(page).toString());
            }
        }
        assertTrue(stale.isEmpty(), "rule docs are missing or stale: " + stale
                + "; run `" + RuleDocs.REGENERATE + "` from the project root to regenerate them");
    }

    @Test
    void theReadmesRuleTablesAreTheCatalogues() throws IOException {
        Path readme = FixtureHarness.PROJECT_ROOT.resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        assertTrue(text.equals(RuleDocs.withRuleTables(text)), "README.md's rule tables are stale; run `"
                + RuleDocs.REGENERATE + "` from the project root to regenerate them");
    }
}
