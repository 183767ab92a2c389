package dev.miglint.alembic;

import dev.miglint.testing.SharedCorpus;
import dev.miglint.alembic.Translation.Sql;
import dev.miglint.alembic.Translation.Unrecognized;
import dev.miglint.change.Change;
import dev.miglint.sql.SqlFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every op call of ../shared/corpus/alembic translated, and the SQL read back by the SQL front end. */
class OpSqlCorpusTest {

    private record Translated(Path file, OpCall call, Translation translation) {
    }

    private static final List<Translated> translated = new ArrayList<>();

    @BeforeAll
    static void translateCorpus() throws IOException {
        Path corpus = locate();
        Assumptions.assumeTrue(corpus != null, "corpus/alembic not found: OpSqlCorpusTest skipped");
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path p : walk.filter(OpSqlCorpusTest::isVersionFile).sorted().toList()) {
                RevisionFile f = assertInstanceOf(RevisionFile.class, AlembicReader.read(Files.readString(p)));
                for (OpCall c : f.calls()) {
                    if (c.function() != FunctionKind.OTHER) {
                        translated.add(new Translated(p, c, assertDoesNotThrow(() -> OpSql.translate(c))));
                    }
                }
            }
        }
    }

    private static Path locate() {
        return SharedCorpus.locate("alembic");
    }

    private static boolean isVersionFile(Path p) {
        return Files.isRegularFile(p) && p.toString().endsWith(".py")
                && p.getParent().getFileName().toString().equals("versions");
    }

    /** -Dmiglint.opsql.dump=FILE writes every translation, for reading the generated SQL by eye. */
    private static void dumpIfAsked() {
        String target = System.getProperty("miglint.opsql.dump");
        if (target == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        translated.forEach(t -> sb.append("-- ").append(t.file().getFileName()).append(' ')
                .append(t.call().method()).append('\n').append(t.translation()).append("\n\n"));
        try {
            Files.writeString(Path.of(target), sb);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** At least 99 % of op calls are translated (drop_constraint(None, …) included, under "(unnamed)"). */
    @Test
    void atLeast99PercentOfOpCallsAreTranslated() {
        List<Translated> ops = translated.stream()
                .filter(t -> t.call().receiverKind() != ReceiverKind.CONNECTION && !t.call().isSqlExecution())
                .toList();
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, Integer> byKind = new TreeMap<>();
        for (Translated t : translated) {
            byKind.merge(t.translation().getClass().getSimpleName(), 1, Integer::sum);
            if (t.translation() instanceof Unrecognized u) {
                reasons.merge(t.call().method() + ": " + u.why(), 1, Integer::sum);
            }
        }
        double share = translatedShare(ops);
        System.out.printf("alembic corpus op calls: %d, translated %.2f %%; all calls by result %s%n", ops.size(),
                share, byKind);
        reasons.forEach((why, n) -> System.out.println("  unrecognized x" + n + " " + why));
        assertTrue(share >= 99.0, String.format("%.2f %% translated", share));
    }

    private static double translatedShare(List<Translated> calls) {
        long unrecognized = calls.stream().filter(t -> t.translation() instanceof Unrecognized).count();
        return 100.0 * (calls.size() - unrecognized) / calls.size();
    }

    @Test
    void everyTranslatedStatementIsRecognisedBySqlFrontEnd() {
        List<String> failures = new ArrayList<>();
        int statements = 0;
        for (Translated t : translated) {
            if (!(t.translation() instanceof Sql sql) || sql.sql().isEmpty()) {
                continue;
            }
            SqlFile file = SqlFile.parse(sql.sql());
            assertEquals(sql.sql().split(";\n").length, file.statements().size(), sql.sql());
            statements += file.statements().size();
            for (Change change : file.allChanges()) {
                if (change instanceof Change.Unrecognized u) {
                    failures.add(t.file().getFileName() + ": " + u.reason() + "\n    " + sql.sql());
                }
            }
        }
        dumpIfAsked();
        System.out.println("alembic corpus translated statements: " + statements + ", unrecognised by SqlFile: "
                + failures.size());
        failures.forEach(f -> System.out.println("  " + f));
        assertEquals(List.of(), failures);
    }
}
