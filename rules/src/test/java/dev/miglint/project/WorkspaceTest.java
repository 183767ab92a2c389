package dev.miglint.project;

import dev.miglint.config.Runner;
import dev.miglint.rules.FileContext;
import dev.miglint.schema.SchemaModel;
import dev.miglint.change.Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceTest {

    @TempDir
    Path root;

    private Path write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p.toAbsolutePath().normalize();
    }

    private static Name table(String name) {
        return new Name(null, name, null);
    }

    private Workspace flyway() throws IOException {
        write("db/migration/V1__init.sql", "CREATE TABLE users (id bigint PRIMARY KEY);");
        write("db/migration/V2__email.sql", "ALTER TABLE users ADD COLUMN email text;");
        write("db/migration/V10__name.sql", "ALTER TABLE users ADD COLUMN name text;");
        return Workspace.scan(List.of(root), new ConfigResolver(null));
    }

    @Test
    void conventionsFindMigrationsAndSkipVendoredFolders() throws IOException {
        write("app/migrations/0001_init.sql", "CREATE TABLE a (id int);");
        write("prisma/migrations/20240101_init/migration.sql", "CREATE TABLE b (id int);");
        write("web/drizzle/0000_x.sql", "CREATE TABLE c (id int);");
        write("node_modules/pkg/migrations/001.sql", "CREATE TABLE d (id int);");
        write("scripts/seed.sql", "INSERT INTO a VALUES (1);");
        Workspace ws = Workspace.scan(List.of(root), new ConfigResolver(null));
        assertEquals(3, ws.size());
        assertTrue(ws.contains(root.resolve("prisma/migrations/20240101_init/migration.sql")));
        assertFalse(ws.contains(root.resolve("scripts/seed.sql")));
        assertFalse(ws.contains(root.resolve("node_modules/pkg/migrations/001.sql")));
    }

    @Test
    void configIncludeGlobsReplaceTheConventionsAndExcludeStillApplies() throws IOException {
        write(".miglint.json", "{ \"include\": [\"sql/**/*.sql\"], \"exclude\": [\"**/skip_*.sql\"] }");
        write("sql/001_a.sql", "CREATE TABLE a (id int);");
        write("sql/skip_me.sql", "CREATE TABLE s (id int);");
        write("migrations/001_b.sql", "CREATE TABLE b (id int);");
        Workspace ws = Workspace.scan(List.of(root), new ConfigResolver(null));
        assertEquals(List.of(root.resolve("sql/001_a.sql").toAbsolutePath().normalize()),
                ws.historyOf(root.resolve("sql/001_a.sql")));
        assertEquals(1, ws.size());
    }

    @Test
    void filesRunInFlywayOrderAndEachStartsFromTheSchemaBeforeIt() throws IOException {
        Workspace ws = flyway();
        List<String> names = ws.historyOf(root.resolve("db/migration/V2__email.sql")).stream()
                .map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("V1__init.sql", "V2__email.sql", "V10__name.sql"), names);
        FileContext last = ws.contextFor(root.resolve("db/migration/V10__name.sql"));
        assertEquals(Runner.FLYWAY, last.runner());
        assertEquals(List.of("id", "email"), List.copyOf(last.schemaAtStart().table(table("users")).columns().keySet()));
        assertNull(ws.contextFor(root.resolve("db/migration/V1__init.sql")).schemaAtStart().table(table("users")));
    }

    @Test
    void editorTextReplaysTheRestOfTheHistoryWithoutReparsingOtherFiles() throws IOException {
        Workspace before = flyway();
        Path v1 = root.resolve("db/migration/V1__init.sql");
        Path v10 = root.resolve("db/migration/V10__name.sql");
        Workspace after = before.withFile(v1, "CREATE TABLE users (id bigint PRIMARY KEY, tenant int);");

        assertEquals(List.of("id", "tenant", "email"),
                List.copyOf(after.contextFor(v10).schemaAtStart().table(table("users")).columns().keySet()));
        assertSame(before.file(v10).orElseThrow(), after.file(v10).orElseThrow(), "other files are not re-parsed");
        assertEquals(List.of("id", "email"), List.copyOf(before.contextFor(v10).schemaAtStart()
                .table(table("users")).columns().keySet()), "the old snapshot is unchanged");
        assertEquals(3, after.changedSince(before).size());
    }

    @Test
    void anEditThatLeavesTheSchemaAsItWasStopsTheReplay() throws IOException {
        Workspace before = flyway();
        Path v2 = root.resolve("db/migration/V2__email.sql");
        Workspace after = before.withFile(v2, "ALTER TABLE users ADD COLUMN email text;\nSELECT 1;");
        assertEquals(List.of(v2.toAbsolutePath().normalize()), after.changedSince(before));
    }

    @Test
    void aNewFileJoinsItsHistoryAndARemovedOneLeavesIt() throws IOException {
        Workspace ws = flyway();
        Path v3 = root.resolve("db/migration/V3__phone.sql");
        Path v10 = root.resolve("db/migration/V10__name.sql");
        Workspace added = ws.withFile(v3, "ALTER TABLE users ADD COLUMN phone text;");
        assertEquals(4, added.historyOf(v10).size());
        assertEquals(v3.toAbsolutePath().normalize(), added.historyOf(v10).get(2));
        assertNotNull(added.contextFor(v10).schemaAtStart().table(table("users")).column("phone"));

        Workspace removed = added.withoutFile(root.resolve("db/migration/V1__init.sql"));
        assertEquals(3, removed.historyOf(v10).size());
        assertNull(removed.contextFor(v10).schemaAtStart().table(table("users")));
    }

    @Test
    void aFileOutsideTheIndexGetsAStandaloneContext() throws IOException {
        Workspace ws = flyway();
        Path loose = write("notes/V5__loose.sql", "SELECT 1;");
        Workspace same = ws.withFile(root.resolve("scripts/adhoc.sql"), "SELECT 1;");
        assertSame(ws, same);
        FileContext ctx = ws.contextFor(root.resolve("scripts/adhoc.sql"));
        assertSame(SchemaModel.EMPTY, ctx.schemaAtStart());
        assertEquals(Runner.NONE, ctx.runner());
        assertEquals(List.of(), ws.historyOf(root.resolve("scripts/adhoc.sql")));
        assertEquals(Runner.FLYWAY, ws.contextFor(loose).runner());
    }

    @Test
    void unreadableFilesAreIndexedWithTheirProblem() throws IOException {
        Path bin = root.resolve("migrations/001_bin.sql");
        Files.createDirectories(bin.getParent());
        Files.write(bin, new byte[] {'S', 0, 'Q', 'L'});
        Workspace ws = Workspace.scan(List.of(root), new ConfigResolver(null));
        Workspace.Entry entry = ws.entry(bin).orElseThrow();
        assertNull(entry.file());
        assertTrue(entry.problem().contains("binary"));
    }

    @Test
    void progressCountsEveryFile() throws IOException {
        flyway();
        List<String> reports = new ArrayList<>();
        AtomicInteger last = new AtomicInteger();
        Workspace.scan(List.of(root), new ConfigResolver(null), (done, total) -> {
            synchronized (reports) {
                reports.add(done + "/" + total);
            }
            last.accumulateAndGet(done, Math::max);
        });
        assertTrue(reports.contains("0/3"));
        assertEquals(3, last.get());
    }

    @Test
    void scansTheCorpus() {
        Path corpus = Path.of("../../shared/corpus");
        if (!Files.isDirectory(corpus)) {
            corpus = Path.of("/work/shared/corpus");
        }
        // Measured cold (first scan in this JVM may include class loading) and warm; printed, never asserted.
        long cold = System.nanoTime();
        Workspace.scan(List.of(corpus), new ConfigResolver(null));
        System.out.println("Workspace.scan(corpus) first run: " + (System.nanoTime() - cold) / 1_000_000 + " ms");
        long start = System.nanoTime();
        Workspace ws = Workspace.scan(List.of(corpus), new ConfigResolver(null));
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Workspace.scan(corpus): " + ws.size() + " files in " + ws.histories().size()
                + " histories, " + ms + " ms (warm)");
        assertTrue(ws.size() > 1000);
    }
}
