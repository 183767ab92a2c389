package dev.miglint.alembic;

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
        String property = System.getProperty("miglint.corpus");
        if (property != null && Files.isDirectory(Path.of(property, "alembic"))) {
            return Path.of(property, "alembic").normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("rules/pom.xml"))) {
                Path candidate = dir.resolve("../shared/corpus/alembic").normalize();
                return Files.isDirectory(candidate) ? candidate : null;
            }
        }
        return null;
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

    /**
     * Among op calls Alembic can emit SQL for, at least 99 % are translated. drop_constraint(None, …),
     * as autogenerate writes for unnamed constraints, is left out: Alembic raises "it has no name"
     * instead of emitting SQL, so there is nothing to translate.
     */
    @Test
    void atLeast99PercentOfEmittableOpCallsAreTranslated() {
        List<Translated> ops = translated.stream()
                .filter(t -> t.call().receiverKind() != ReceiverKind.CONNECTION && !t.call().isSqlExecution())
                .toList();
        List<Translated> emittable = ops.stream().filter(t -> !dropsAnUnnamedConstraint(t.call())).toList();
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, Integer> byKind = new TreeMap<>();
        for (Translated t : translated) {
            byKind.merge(t.translation().getClass().getSimpleName(), 1, Integer::sum);
            if (t.translation() instanceof Unrecognized u) {
                reasons.merge(t.call().method() + ": " + u.why(), 1, Integer::sum);
            }
        }
        double all = translatedShare(ops);
        double share = translatedShare(emittable);
        System.out.printf("alembic corpus op calls: %d, translated %.2f %%; without the %d drop_constraint(None, …):"
                + " %.2f %%; all calls by result %s%n", ops.size(), all, ops.size() - emittable.size(), share, byKind);
        reasons.forEach((why, n) -> System.out.println("  unrecognized x" + n + " " + why));
        assertTrue(share >= 99.0, String.format("%.2f %% translated", share));
        assertTrue(all >= 98.0, String.format("%.2f %% of all op calls translated", all));
    }

    private static boolean dropsAnUnnamedConstraint(OpCall c) {
        return c.method().equals("drop_constraint")
                && c.arg(0, "constraint_name").map(a -> a.value() instanceof PyValue.NoneLit).orElse(false);
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
