package dev.miglint.rules.alembic;

import dev.miglint.alembic.AlembicReader;
import dev.miglint.alembic.AlembicVersion;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.alembic.RevisionGraph;
import dev.miglint.rules.Finding;
import dev.miglint.testing.SharedCorpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The history rules over the Alembic projects of ../shared/corpus/alembic. The three graphs are
 * sound (one head each, checked against CPython's ast in {@link AlembicCorpusTest}), so the graph
 * rules must stay silent there; the per-file counts are pinned after reading the findings by hand.
 */
class AlembicHistoryCorpusTest {

    /** Findings per project and rule, each reviewed by reading the revision files (see the commit message). */
    private static final Map<String, Map<String, Integer>> EXPECTED = Map.of(
            "fastapi-template", Map.of(),
            // 7694c8910510: downgrade() is only the docstring "Revert tables back to entities."; 19 runtime
            // SQL calls, mostly sa.text(f"…") and sa.text(variable) in data migrations.
            "tracecat", Map.of("alembic-empty-downgrade", 1, "alembic-unanalysable-sql", 19),
            // 9 `pass` downgrades (extensions, drop_table of attestation twice, backfills); 43bf0b6badcb's
            // downgrade only restores two NOT NULLs and keeps its column, index, FK and check constraint.
            "warehouse", Map.of("alembic-empty-downgrade", 9, "alembic-irreversible", 4, "alembic-unanalysable-sql", 3));

    private static Path corpus;
    /** Project → its versions folder. */
    private static final Map<String, Path> versions = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        corpus = locate();
        Assumptions.assumeTrue(corpus != null, "corpus/alembic not found: AlembicHistoryCorpusTest skipped");
        try (Stream<Path> dirs = Files.list(corpus)) {
            for (Path project : dirs.filter(Files::isDirectory).sorted().toList()) {
                versions.put(project.getFileName().toString(), versionsFolder(project));
            }
        }
    }

    private static Path locate() {
        return SharedCorpus.locate("alembic");
    }

    private static Path versionsFolder(Path project) throws IOException {
        try (Stream<Path> walk = Files.walk(project)) {
            return walk.filter(Files::isDirectory).filter(p -> p.getFileName().toString().equals("versions"))
                    .findFirst().orElseThrow();
        }
    }

    private static Map<Path, List<Finding>> check(Path folder) throws IOException {
        List<RevisionGraph.Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                RevisionFile f = assertInstanceOf(RevisionFile.class, AlembicReader.read(Files.readString(p)));
                entries.add(new RevisionGraph.Entry(p, f));
            }
        }
        return AlembicHistory.check(entries);
    }

    private static Map<String, Integer> counts(Map<Path, List<Finding>> findings) {
        Map<String, Integer> out = new TreeMap<>();
        findings.values().forEach(fs -> fs.forEach(f -> out.merge(f.rule(), 1, Integer::sum)));
        return out;
    }

    @Test
    void soundGraphsHaveNoGraphFindingsAndPerFileCountsAreAsReviewed() throws IOException {
        Map<String, Map<String, Integer>> all = new TreeMap<>();
        for (var e : versions.entrySet()) {
            Map<Path, List<Finding>> findings = check(e.getValue());
            Map<String, Integer> counts = counts(findings);
            all.put(e.getKey(), counts);
            print(e.getKey(), findings);
            assertTrue(!counts.containsKey("alembic-multiple-heads") && !counts.containsKey("alembic-broken-chain"),
                    e.getKey() + ": " + counts);
        }
        System.out.println("alembic history findings per project: " + all);
        assertEquals(new TreeMap<>(EXPECTED), all);
    }

    /** What the editor asks per keystroke (one file) is what the whole check says of that file. */
    @Test
    void checkingOneFileAgreesWithCheckingTheFolder() throws IOException {
        for (Path folder : versions.values()) {
            List<RevisionGraph.Entry> entries = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                    entries.add(new RevisionGraph.Entry(p, (RevisionFile) AlembicReader.read(Files.readString(p))));
                }
            }
            Map<Path, List<Finding>> all = AlembicHistory.check(entries);
            for (RevisionGraph.Entry e : entries) {
                assertEquals(all.get(e.path()), AlembicHistory.checkOne(entries, e.path()), e.path().toString());
            }
        }
    }

    /** Every finding with its file and line, so a reviewer can open them. */
    private static void print(String project, Map<Path, List<Finding>> findings) throws IOException {
        for (var e : findings.entrySet()) {
            String text = Files.readString(e.getKey());
            for (Finding f : e.getValue()) {
                long line = text.substring(0, f.range().start()).lines().count() + 1;
                System.out.println("  " + project + " " + e.getKey().getFileName() + ":" + line + " " + f.rule()
                        + " — " + f.message());
            }
        }
    }

    @Test
    void alembicVersionsOfTheCorpusProjects() {
        Map<String, Optional<AlembicVersion.Version>> found = new TreeMap<>();
        versions.forEach((name, folder) -> found.put(name, AlembicVersion.detect(folder)));
        System.out.println("alembic versions of the corpus projects: " + found);
        // The corpus keeps only the migrations, not requirements, pyproject or lock files.
        found.forEach((name, v) -> assertEquals(Optional.empty(), v, name));
    }
}
