package dev.miglint.drizzle;

import dev.miglint.rules.Finding;
import dev.miglint.rules.Severity;
import dev.miglint.rules.drizzle.DrizzleChecks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drizzle folders of ../shared/corpus/drizzle as a test. Every finding is printed as
 * file:line; each expected one was checked by reading the journal and the files.
 */
class DrizzleCorpusTest {

    private static Path corpus;

    @BeforeAll
    static void locate() {
        String property = System.getProperty("miglint.corpus");
        if (property != null && Files.isDirectory(Path.of(property, "drizzle"))) {
            corpus = Path.of(property, "drizzle").normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); corpus == null && dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("rules/pom.xml"))) {
                Path candidate = dir.resolve("../shared/corpus/drizzle").normalize();
                corpus = Files.isDirectory(candidate) ? candidate : null;
                break;
            }
        }
        Assumptions.assumeTrue(corpus != null, "corpus/drizzle not found: DrizzleCorpusTest skipped");
    }

    /** "file:line rule severity message" for every finding, printed. */
    private static List<String> lines(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Path, List<Finding>> e : DrizzleChecks.check(folder).entrySet()) {
            String text = Files.isRegularFile(e.getKey()) ? Files.readString(e.getKey()) : "";
            for (Finding f : e.getValue()) {
                out.add(folder.relativize(e.getKey()) + ":" + line(text, f.range().start()) + " " + f.rule() + " "
                        + f.severity().label() + " " + f.message());
            }
        }
        out.forEach(l -> System.out.println("[drizzle corpus] " + l));
        return out;
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void dokployReportsTheDuplicate0130TheUnlistedFileAndItsThinnedSnapshots() throws IOException {
        Path folder = corpus.resolve("dokploy/apps/dokploy/drizzle");
        List<String> found = lines(folder);
        assertEquals(List.of(
                "0130_abandoned_dagger.sql:1 drizzle-journal-mismatch error 0130_abandoned_dagger.sql is not in "
                        + "meta/_journal.json, so drizzle's migrator never applies it",
                "0130_abandoned_dagger.sql:1 drizzle-journal-mismatch error 0130_abandoned_dagger.sql has the same "
                        + "number 0130 as 0130_perpetual_screwball.sql; two branches each generated a migration",
                "0130_perpetual_screwball.sql:1 drizzle-journal-mismatch error 0130_perpetual_screwball.sql has the "
                        + "same number 0130 as 0130_abandoned_dagger.sql; two branches each generated a migration",
                // entry idx 2 starts on line 19; only 0000, 0001, 0090, 0184, 0185 were kept in the corpus
                "meta/_journal.json:19 drizzle-snapshot-chain info 181 of 186 migrations have no snapshot (first: "
                        + "0002_ambiguous_carlie_cooper); the latest is present, so drizzle-kit generate still diffs "
                        + "against the right schema"), found);
    }

    @Test
    void aiChatbotIsConsistent() throws IOException {
        assertEquals(List.of(), lines(corpus.resolve("ai-chatbot/lib/db/migrations")));
    }

    @Test
    void theDokployJournalIsReadWithEveryEntryAndNoProblem() throws IOException {
        Path file = corpus.resolve("dokploy/apps/dokploy/drizzle/meta/_journal.json");
        String text = Files.readString(file);
        DrizzleJournal j = DrizzleJournal.read(file, text);
        assertEquals(186, j.entries().size());
        assertEquals(List.of(), j.problems());
        assertEquals("5", j.version());
        assertEquals(List.of("5", "6", "7"), j.entries().stream().map(JournalEntry::version).distinct().toList());
        JournalEntry e130 = j.entry("0130_perpetual_screwball").orElseThrow();
        assertEquals(130, e130.idx());
        assertTrue(e130.span().text(text).contains("\"0130_perpetual_screwball\""));
        assertEquals(Long.toString(e130.when().getAsLong()), e130.whenSpan().text(text));
        assertTrue(j.entries().stream().allMatch(e -> e.span().text(text).contains("\"" + e.tag() + "\"")));
        assertTrue(DrizzleChecks.check(file.getParent().getParent()).values().stream().flatMap(List::stream)
                .noneMatch(f -> f.severity() == Severity.ERROR && f.rule().equals("drizzle-journal-order")));
    }
}
