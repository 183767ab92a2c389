package dev.miglint.alembic;

import dev.miglint.rules.alembic.AlembicAnalyzer;
import dev.miglint.testing.SharedCorpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Alembic projects of ../shared/corpus/alembic as a test. Expected heads and op-call counts were
 * computed independently with CPython's {@code ast} module over the same versions folders.
 */
class AlembicCorpusTest {

    /** Calls on op not nested in another op call's arguments, per project, counted by CPython's ast. */
    private static final Map<String, Integer> OP_CALLS = Map.of("fastapi-template", 62, "tracecat", 547,
            "warehouse", 1922);
    private static final Map<String, List<String>> HEADS = Map.of("fastapi-template", List.of("fe56fa70289e"),
            "tracecat", List.of("fe20e84914ad"), "warehouse", List.of("964076d0c4ad"));
    private static final Map<String, Integer> FILES = Map.of("fastapi-template", 5, "tracecat", 78,
            "warehouse", 288);

    private static Path corpus;
    /** Project name → (path → text) of every versions/*.py file. */
    private static final Map<String, Map<Path, String>> projects = new TreeMap<>();

    @BeforeAll
    static void load() throws IOException {
        corpus = locate();
        Assumptions.assumeTrue(corpus != null, "corpus/alembic not found: AlembicCorpusTest skipped");
        try (Stream<Path> dirs = Files.list(corpus)) {
            for (Path project : dirs.filter(Files::isDirectory).sorted().toList()) {
                projects.put(project.getFileName().toString(), versionFiles(project));
            }
        }
    }

    private static Path locate() {
        return SharedCorpus.locate("alembic");
    }

    private static Map<Path, String> versionFiles(Path project) throws IOException {
        Map<Path, String> out = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(AlembicCorpusTest::isVersionFile).sorted()
                    .toList()) {
                out.put(p, read(p));
            }
        }
        return out;
    }

    private static boolean isVersionFile(Path p) {
        return p.toString().endsWith(".py") && p.getParent().getFileName().toString().equals("versions");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RevisionGraph.Entry> entries(Map<Path, String> files) {
        List<RevisionGraph.Entry> out = new ArrayList<>();
        files.forEach((path, text) -> out.add(new RevisionGraph.Entry(path,
                assertInstanceOf(RevisionFile.class, AlembicReader.read(text), path.toString()))));
        return out;
    }

    @Test
    void everyVersionFileIsReadAsARevisionWithoutProblems() {
        assertEquals(FILES.keySet(), projects.keySet());
        projects.forEach((name, files) -> {
            assertEquals(FILES.get(name), files.size(), name);
            for (RevisionGraph.Entry e : entries(files)) {
                RevisionFile f = e.file();
                assertTrue(f.problems().isEmpty(), e.path() + ": " + f.problems());
                assertTrue(f.revisionId() != null && f.upgrade() != null && f.downgrade() != null, e.path().toString());
            }
        });
    }

    @Test
    void opCallCountsMatchCPythonsAst() {
        Map<String, Integer> counted = new TreeMap<>();
        Map<ReceiverKind, Integer> byKind = new TreeMap<>();
        projects.forEach((name, files) -> entries(files).forEach(e -> e.file().calls().forEach(c -> {
            byKind.merge(c.receiverKind(), 1, Integer::sum);
            if (c.receiverKind() == ReceiverKind.OP) {
                counted.merge(name, 1, Integer::sum);
            }
        })));
        System.out.println("alembic corpus calls by receiver: " + byKind);
        assertEquals(new TreeMap<>(OP_CALLS), counted);
    }

    @Test
    void literalSqlIsFoundInExactlyTheExecuteCallsWithLiteralSql() {
        int literal = 0;
        int executes = 0;
        for (Map<Path, String> files : projects.values()) {
            for (RevisionGraph.Entry e : entries(files)) {
                for (OpCall c : e.file().calls()) {
                    executes += c.isSqlExecution() ? 1 : 0;
                    literal += c.literalSql().isPresent() ? 1 : 0;
                }
            }
        }
        System.out.println("alembic corpus execute calls: " + executes + ", with literal SQL: " + literal);
        // CPython's ast: 402 execute calls, 380 with a str constant or text(<str constant>); the rest
        // are f-strings, variables and SQLAlchemy expressions.
        assertEquals(402, executes);
        assertEquals(380, literal);
    }

    @Test
    void headsMatchCPythonsAst() {
        projects.forEach((name, files) -> {
            RevisionGraph g = RevisionGraph.of(entries(files));
            assertEquals(HEADS.get(name), g.heads(), name);
            assertTrue(g.problems().isEmpty(), name + ": " + g.problems());
            assertEquals(files.size(), g.runOrder().size(), name);
            System.out.println("alembic corpus " + name + ": heads " + g.heads() + ", roots " + g.roots()
                    + ", merges " + g.mergePoints());
        });
    }

    @Test
    void warehouseHasTwoMergePointsAndOneRoot() {
        RevisionGraph g = RevisionGraph.of(entries(projects.get("warehouse")));
        assertEquals(List.of("49b93c346db", "57b1053998d"), g.mergePoints());
        assertEquals(List.of("283c68f2ab2"), g.roots());
    }

    @Test
    void everyPrefixOfSomeRealFilesIsReadWithoutException() {
        for (String text : samples(6)) {
            for (int end = 0; end <= text.length(); end++) {
                AlembicReader.read(text.substring(0, end));
            }
        }
    }

    @Test
    void randomMutationsOfRealFilesAreReadWithoutException() {
        Random random = new Random(42);
        String alphabet = "()[]{}'\"\\#:=,.\n \tabcfr0\r";
        for (String text : samples(20)) {
            for (int round = 0; round < 50; round++) {
                StringBuilder sb = new StringBuilder(text);
                for (int k = 0; k < 1 + random.nextInt(5); k++) {
                    int at = random.nextInt(sb.length() + 1);
                    switch (random.nextInt(3)) {
                        case 0 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(20)));
                        default -> {
                            int from = random.nextInt(sb.length() + 1);
                            sb.insert(at, sb.substring(from, Math.min(sb.length(), from + 10)));
                        }
                    }
                }
                AlembicReader.read(sb.toString());
            }
        }
    }

    /** A spread of real files, the shortest first so the prefix test stays quick. */
    private static List<String> samples(int n) {
        List<String> all = projects.values().stream().flatMap(m -> m.values().stream())
                .sorted(java.util.Comparator.comparingInt(String::length)).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n && !all.isEmpty(); i++) {
            out.add(all.get((int) ((long) i * (all.size() - 1) / Math.max(1, n - 1) / 3)));
        }
        return out;
    }

    /**
     * Every drop_column/drop_table in upgrade() is a ban-drop-* finding, but a column dropped from a
     * table the same upgrade created, which holds no data yet. Downgrade drops are never reported.
     */
    @Test
    void destructiveFindingsMatchTheDropCallsOfUpgrade() {
        var analyzer = dev.miglint.rules.Analyzer.withAllRules();
        int drops = 0;
        for (Map<Path, String> files : projects.values()) {
            for (Map.Entry<Path, String> e : files.entrySet()) {
                var context = new dev.miglint.rules.FileContext(e.getKey().toString(), dev.miglint.config.Settings.DEFAULTS,
                        dev.miglint.config.Runner.ALEMBIC, dev.miglint.schema.SchemaModel.EMPTY);
                List<dev.miglint.rules.Finding> findings = AlembicAnalyzer.analyze(analyzer, e.getValue(), context, null)
                        .orElseThrow().findings();
                RevisionFile revision = (RevisionFile) AlembicReader.read(e.getValue());
                java.util.Set<String> created = new java.util.HashSet<>();
                int expected = 0;
                for (OpCall call : revision.calls(FunctionKind.UPGRADE)) {
                    String table = call.isBatch() ? call.batchTable()
                            : call.positional(0).flatMap(a -> a.value().string()).orElse(null);
                    if (call.method().equals("create_table")) {
                        created.add(table);
                    } else if (call.method().equals("drop_table")
                            || call.method().equals("drop_column") && !created.contains(table)) {
                        expected++;
                    }
                }
                long reported = findings.stream().filter(f -> f.rule().equals("ban-drop-column")
                        || f.rule().equals("ban-drop-table")).count();
                assertEquals(expected, reported, e.getKey().toString());
                drops += expected;
            }
        }
        System.out.println("alembic corpus: " + drops + " drop_column/drop_table calls in upgrade(), each reported");
        assertTrue(drops > 100, "the corpus has its drops");
    }
}
