package dev.miglint.rules;

import dev.miglint.change.Change;
import dev.miglint.change.Change.DoBlock;
import dev.miglint.change.Change.Insert;
import dev.miglint.change.Change.MetaCommand;
import dev.miglint.change.Name;
import dev.miglint.rules.FixtureHarness.Fixture;
import dev.miglint.rules.FixtureHarness.Marker;
import dev.miglint.rules.docs.RuleDocs;
import dev.miglint.sql.SqlFile;
import dev.miglint.sql.syntax.Statement;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Proof on a real PostgreSQL 17 that every idempotency finding is a real failure and every fix a
 * real cure. For each fixture of an IDEMPOTENCY rule, in a fresh database after its
 * {@code -- setup:} lines, each file is run twice, statement by statement in autocommit mode, each
 * run in a new session as a migration tool would:
 * <ul>
 *   <li>an {@code X.fixed.sql} twin must run twice without error and add no rows the second time;</li>
 *   <li>the original {@code X.sql} must run once without error (else the fixture is broken); on the
 *       second run every statement an idempotency marker points at must fail or add rows again (a
 *       duplicate INSERT), and every other statement must succeed and add no rows;</li>
 *   <li>a fixture with neither markers of its rule nor a twin is an accepted form: the same check,
 *       so it must run twice cleanly.</li>
 * </ul>
 * Marked fixtures without a twin (unnamed index or constraint, nothing to fix) are not run, nor are
 * fixtures configured with {@code acceptTransactional}, which by design accept non-re-runnable statements.
 */
@Tag("postgres")
class IdempotencyOnPostgresTest {

    @TestFactory
    Stream<DynamicNode> idempotencyFixturesBehaveOnPostgresAsTheirMarkersSay() throws IOException {
        List<DynamicNode> folders = new ArrayList<>();
        for (Rule rule : Rules.ALL) {
            String ruleId = rule.info().id();
            Path dir = RuleDocs.fixtureDir(FixtureHarness.PROJECT_ROOT, ruleId);
            if (rule.info().category() == Category.IDEMPOTENCY && Files.isDirectory(dir)) {
                folders.add(DynamicContainer.dynamicContainer(ruleId, tests(ruleId, dir)));
            }
        }
        assertFalse(folders.isEmpty(), "no fixture folder of an idempotency rule under " + FixtureHarness.FIXTURES);
        return folders.stream();
    }

    private static List<DynamicNode> tests(String ruleId, Path dir) throws IOException {
        List<DynamicNode> tests = new ArrayList<>();
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(dir)) {
            fixtures = files.filter(RuleDocs::isFixture).sorted().toList();
        }
        for (Path file : fixtures) {
            String name = file.getFileName().toString();
            Path twin = RuleDocs.fixedTwin(file);
            if (Files.exists(twin)) {
                tests.add(DynamicTest.dynamicTest(twin.getFileName() + " runs twice", twin.toUri(),
                        () -> check(read(twin), false)));
                tests.add(DynamicTest.dynamicTest(name + " fails again where marked", file.toUri(),
                        () -> check(read(file), true)));
            } else if (read(file).settings().acceptTransactional()) {
                // acceptTransactional accepts statements a transaction rolls back on failure; they
                // do not claim to survive a second run of a completed migration, so they are not run.
                continue;
            } else if (RuleDocs.markedTexts(Files.readString(file, StandardCharsets.UTF_8), ruleId).isEmpty()) {
                tests.add(DynamicTest.dynamicTest(name + " runs twice", file.toUri(), () -> check(read(file), true)));
            }
        }
        return tests;
    }

    private static Fixture read(Path file) throws IOException {
        return Fixture.read(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    /** What one statement did on one run; {@code addedRows} only for INSERTs (DO bodies included). */
    private record Outcome(Statement statement, SQLException error, boolean addedRows) {
    }

    /**
     * @param honourMarkers false for a fixed twin: it keeps the markers of its original, but every one
     *                      of its statements must now run again cleanly
     */
    private static void check(Fixture fixture, boolean honourMarkers) throws SQLException {
        SqlFile file = SqlFile.parse(fixture.text());
        Set<Statement> marked = honourMarkers ? marked(fixture, file) : Set.of();
        try (Postgres.Database db = Postgres.freshDatabase()) {
            setup(db, fixture);
            List<String> errors = new ArrayList<>();
            for (Outcome o : run(db, file)) {
                if (o.error() != null) {
                    errors.add(where(fixture, o) + ": fails on the first run: " + describe(o.error()));
                }
            }
            if (!errors.isEmpty()) {
                fail("fixture " + name(fixture) + " is broken: it must run on a fresh database"
                        + " (declare the objects it assumes with -- setup: lines)\n  " + String.join("\n  ", errors));
            }
            for (Outcome o : run(db, file)) {
                expect(fixture, o, marked.contains(o.statement()), errors);
            }
            if (!errors.isEmpty()) {
                fail(name(fixture) + ", second run on PostgreSQL:\n  " + String.join("\n  ", errors));
            }
        }
    }

    private static void expect(Fixture fixture, Outcome o, boolean marked, List<String> errors) {
        String at = where(fixture, o);
        boolean abortedEarlier = o.error() != null && "25P02".equals(o.error().getSQLState());
        if (marked && abortedEarlier) {
            errors.add(at + ": marked, but an earlier failure of its transaction hides whether it fails again");
        } else if (marked && o.error() == null && !o.addedRows()) {
            errors.add(at + ": marked, yet it runs again without error and adds no rows: the finding is not a"
                    + " real failure");
        } else if (!marked && o.error() != null && !abortedEarlier) {
            errors.add(at + ": not marked, yet it fails when run again: " + describe(o.error()));
        } else if (!marked && o.addedRows()) {
            errors.add(at + ": not marked, yet running it again adds rows");
        }
    }

    /** The top-level statements idempotency markers point at; a marker in a DO body marks the block. */
    private static Set<Statement> marked(Fixture fixture, SqlFile file) {
        Set<Statement> marked = new HashSet<>();
        for (Marker m : fixture.markers()) {
            boolean idempotency = Rules.byId(m.rule()).map(r -> r.info().category() == Category.IDEMPOTENCY)
                    .orElse(false);
            if (idempotency) {
                file.statements().stream().filter(s -> s.span().end() > m.start()).findFirst().ifPresent(marked::add);
            }
        }
        return marked;
    }

    private static void setup(Postgres.Database db, Fixture fixture) throws SQLException {
        try (Connection c = db.connect(); java.sql.Statement jdbc = c.createStatement()) {
            for (String sql : fixture.header("setup")) {
                try {
                    jdbc.execute(sql);
                } catch (SQLException e) {
                    fail(name(fixture) + ": -- setup: " + sql + " fails: " + describe(e), e);
                }
            }
        }
    }

    /** Runs the file as psql would send it, one top-level statement at a time, in a new session. */
    private static List<Outcome> run(Postgres.Database db, SqlFile file) throws SQLException {
        List<Outcome> outcomes = new ArrayList<>();
        try (Connection c = db.connect(); java.sql.Statement jdbc = c.createStatement()) {
            for (Statement s : file.statements()) {
                List<Change> changes = file.changes().stream().filter(ch -> ch.statement() == s).toList();
                if (changes.stream().anyMatch(MetaCommand.class::isInstance)) {
                    continue;
                }
                List<Name> targets = insertTargets(changes);
                long before = count(c, targets);
                SQLException error = null;
                try {
                    jdbc.execute(s.text());
                } catch (SQLException e) {
                    error = e;
                }
                long after = count(c, targets);
                outcomes.add(new Outcome(s, error, before >= 0 && after > before));
            }
        }
        return outcomes;
    }

    private static List<Name> insertTargets(List<Change> changes) {
        List<Name> targets = new ArrayList<>();
        for (Change change : changes) {
            List<Change> all = change instanceof DoBlock block ? block.inner() : List.of(change);
            all.stream().filter(Insert.class::isInstance).map(i -> ((Insert) i).table()).forEach(targets::add);
        }
        return targets;
    }

    /** Rows in the tables together, or -1 when one cannot be counted (not created yet). */
    private static long count(Connection c, List<Name> tables) {
        long total = 0;
        for (Name table : tables) {
            String sql = "SELECT count(*) FROM " + (table.schema() == null ? "" : quote(table.schema()) + ".")
                    + quote(table.name());
            try (java.sql.Statement jdbc = c.createStatement(); ResultSet rs = jdbc.executeQuery(sql)) {
                rs.next();
                total += rs.getLong(1);
            } catch (SQLException e) {
                return -1;
            }
        }
        return total;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static Path name(Fixture fixture) {
        return FixtureHarness.PROJECT_ROOT.relativize(fixture.path());
    }

    private static String where(Fixture fixture, Outcome o) {
        String text = FixtureHarness.collapse(o.statement().text());
        return fixture.at(fixture.lineOf(o.statement().span().start())) + " \""
                + (text.length() > 100 ? text.substring(0, 100) + "…" : text) + "\"";
    }

    private static String describe(SQLException e) {
        return "SQLSTATE " + e.getSQLState() + ": " + FixtureHarness.collapse(String.valueOf(e.getMessage()));
    }
}
