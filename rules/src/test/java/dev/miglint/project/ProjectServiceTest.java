package dev.miglint.project;

import dev.miglint.config.Settings;
import dev.miglint.config.SettingsLayer;
import dev.miglint.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The project service: a file judged inside its project, each input read and parsed once, settings merged per key. */
class ProjectServiceTest {

    @TempDir
    Path root;

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static ProjectService run() {
        return new ProjectService(new ConfigResolver(), ProjectService.Mode.RUN);
    }

    private static List<String> rules(FileReport report) {
        return report.findings().stream().map(Finding::rule).toList();
    }

    private static FileReport only(List<FileReport> reports, Path file) {
        return reports.stream().filter(r -> r.path().equals(file.toAbsolutePath().normalize())).findFirst().orElseThrow();
    }

    private static String revision(String id, String parent, String upgrade) {
        return "from alembic import op\nimport sqlalchemy as sa\n\nrevision = '" + id + "'\ndown_revision = "
                + (parent == null ? "None" : "'" + parent + "'") + "\n\n\ndef upgrade():\n    " + upgrade
                + "\n\n\ndef downgrade():\n    pass\n";
    }

    @Test
    void aRevisionNamedAloneIsJudgedInsideItsHistory() throws Exception {
        write("alembic/env.py", "");
        write("alembic/versions/a1_first.py", revision("a1", null,
                "op.create_table('users', sa.Column('name', sa.String(10)), if_not_exists=True)"));
        Path second = write("alembic/versions/b2_second.py", revision("b2", "a1",
                "op.alter_column('users', 'name', type_=sa.String(20))"));

        FileReport alone = only(run().analyze(List.of(second)), second);
        FileReport inFolder = only(run().analyze(List.of(root)), second);

        assertFalse(rules(alone).contains("alembic-broken-chain"), alone.findings().toString());
        assertFalse(alone.findings().stream().anyMatch(f -> f.message().contains("type is unknown")), alone.findings().toString());
        assertEquals(inFolder.findings(), alone.findings());
    }

    @Test
    void aSqlFileNamedAloneStartsFromTheSchemaItsHistoryBuilds() throws Exception {
        write("migrations/001_users.sql", "CREATE TABLE IF NOT EXISTS users (name varchar(10));\n");
        Path widen = write("migrations/002_widen.sql", "ALTER TABLE users ALTER COLUMN name TYPE varchar(20);\n");

        FileReport alone = only(run().analyze(List.of(widen)), widen);

        assertEquals(List.of(), alone.findings(), "widening a varchar is safe once the old type is known");
        assertEquals(only(run().analyze(List.of(root)), widen).findings(), alone.findings());
    }

    @Test
    void eachFileIsReadAndParsedOncePerRunAndTheDrizzleFolderCheckedOnce() throws Exception {
        StringBuilder journal = new StringBuilder("{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[");
        for (int i = 0; i < 12; i++) {
            String tag = String.format("%04d_step", i);
            write("drizzle/" + tag + ".sql", "CREATE TABLE IF NOT EXISTS t" + i + " (id uuid PRIMARY KEY);\n");
            journal.append(i == 0 ? "" : ",").append("{\"idx\":").append(i).append(",\"version\":\"7\",\"when\":")
                    .append(1700000000000L + i).append(",\"tag\":\"").append(tag).append("\",\"breakpoints\":true}");
        }
        write("drizzle/meta/_journal.json", journal.append("]}").toString());
        ProjectService service = run();

        List<FileReport> reports = service.analyze(List.of(root));
        ProjectService.Work work = service.work();

        assertEquals(12, reports.stream().filter(r -> r.kind() == FileKind.SQL).count());
        assertEquals(12, work.sqlParses(), "each SQL file parsed once");
        assertEquals(13, work.reads(), "each SQL file and the journal read once");
        assertEquals(1, work.folderChecks(), "the folder's journal checked once, not once per file");

        service.analyze(List.of(root));
        assertEquals(work, service.work(), "asking again does no work");
    }

    @Test
    void modelDriftIsJudgedOncePerProjectAndEachModelFileOnlyForItsOwnClasses() throws Exception {
        write("alembic.ini", "");
        write("alembic/env.py", "");
        StringBuilder tables = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            tables.append("op.create_table('t").append(i).append("', sa.Column('id', sa.Integer(), primary_key=True), "
                    + "if_not_exists=True)\n    ");
            write("app/models/t" + i + ".py", "from sqlmodel import Field, SQLModel\n\n\nclass T" + i
                    + "(SQLModel, table=True):\n    __tablename__ = 't" + i + "'\n    id: int = Field(primary_key=True)\n");
        }
        write("alembic/versions/a1_all.py", revision("a1", null, tables.toString().strip()));
        ProjectService service = run();

        List<FileReport> reports = service.analyze(List.of(root));

        List<FileReport> models = reports.stream().filter(r -> r.kind() == FileKind.MODEL).toList();
        assertEquals(5, models.size());
        assertTrue(models.stream().noneMatch(r -> rules(r).contains("migration-without-model")),
                "every migrated table is declared by some model file of the project: " + models);
        assertEquals(1, service.work().walks(), "the project folder walked once");
        assertEquals(6, service.work().pythonReads(), "the revision and each model file read once");
    }

    @Test
    void anEditReparsesOnlyTheEditedFileAndLeavesTheFilesBeforeItAlone() throws Exception {
        for (int i = 0; i < 10; i++) {
            write("migrations/" + String.format("%03d", i) + "_m.sql", "CREATE TABLE IF NOT EXISTS t" + i + " (id int);\n");
        }
        Path last = root.resolve("migrations/009_m.sql");
        Path middle = root.resolve("migrations/005_m.sql");
        ProjectService editor = new ProjectService(new ConfigResolver(), ProjectService.Mode.EDITOR);
        editor.report(last);
        long parses = editor.work().sqlParses();
        assertEquals(10, parses);

        editor.open(middle, "CREATE TABLE IF NOT EXISTS t5 (id int, name text);\n");
        FileReport edited = editor.report(middle);
        FileReport after = editor.report(last);

        assertEquals(parses + 1, editor.work().sqlParses(), "only the edited text is parsed again");
        assertTrue(edited.context().schemaAtStart().tables().containsKey("t4"));
        assertTrue(after.context().schemaAtStart().tables().get("t5").columns().containsKey("name"),
                "the files after the edit see it");
    }

    @Test
    void anIgnoreInASqlFileSilencesItsDrizzleFolderFindingAndAnUnneededOneIsReported() throws Exception {
        write("drizzle/meta/_journal.json", "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[]}");
        Path ignored = write("drizzle/0000_first.sql", "-- miglint-ignore-file drizzle-journal-mismatch, drizzle-snapshot-chain: applied by hand\n"
                + "CREATE TABLE IF NOT EXISTS a (id uuid PRIMARY KEY);\n");
        Path reported = write("drizzle/0001_second.sql", "CREATE TABLE IF NOT EXISTS b (id uuid PRIMARY KEY);\n");

        List<FileReport> reports = run().analyze(List.of(root));

        assertEquals(List.of(), rules(only(reports, ignored)));
        assertEquals(List.of("drizzle-journal-mismatch"), rules(only(reports, reported)));

        Files.writeString(reported, "-- miglint-ignore-file drizzle-journal-order: not needed\n" + Files.readString(reported));
        List<String> now = rules(only(run().analyze(List.of(root)), reported));
        assertEquals(List.of("drizzle-journal-mismatch", "unused-ignore"), now);
    }

    @Test
    void theEditorsSettingsWinOverTheConfigFileKeyByKey() throws Exception {
        write(".miglint.json", "{\"postgresVersion\": 16, \"acceptTransactional\": true, \"rules\": {\"ban-cascade\": \"off\"}}");
        Path file = write("migrations/001.sql", "SELECT 1;\n");
        SettingsLayer editor = new SettingsLayer(Map.of("ban-drop-table", "warning"), null, 17, false, null, null, null);

        Settings s = new ConfigResolver(editor, List.of(root)).settingsFor(file);

        assertEquals(17, s.postgresVersion());
        assertFalse(s.acceptTransactional());
        assertEquals(Map.of("ban-cascade", "off", "ban-drop-table", "warning"), s.rules());
    }

    @Test
    void theEditorsIncludeAndExcludeApplyRelativeToItsWorkspaceFolder() throws Exception {
        Path kept = write("db/migrations/001.sql", "SELECT 1;\n");
        Path legacy = write("db/legacy/001.sql", "SELECT 1;\n");
        SettingsLayer editor = new SettingsLayer(Map.of(), null, null, null, null, List.of("db/legacy/**"), null);
        ConfigResolver configs = new ConfigResolver(editor, List.of(root));

        assertTrue(configs.includes(kept));
        assertFalse(configs.includes(legacy));
        List<Path> found = new ProjectService(configs, ProjectService.Mode.RUN).analyze(List.of(root)).stream()
                .map(FileReport::path).toList();
        assertEquals(List.of(kept.toAbsolutePath().normalize()), found);
    }

    @Test
    void anIgnoreInARevisionSilencesItsHistoryFindingAndAnUnneededOneIsReported() throws Exception {
        write("alembic/env.py", "");
        Path file = write("alembic/versions/a1_data.py", "from alembic import op\n\nrevision = 'a1'\ndown_revision = None\n\n\n"
                + "def upgrade():\n    op.drop_column('users', 'legacy', if_exists=True)\n\n\n"
                + "# miglint-ignore-file alembic-multiple-heads: one head\n"
                + "# miglint-ignore alembic-empty-downgrade: the column held nothing\n"
                + "def downgrade():\n    pass\n");

        List<String> found = rules(only(run().analyze(List.of(file)), file));

        assertFalse(found.contains("alembic-empty-downgrade"), found.toString());
        assertEquals(1, found.stream().filter("unused-ignore"::equals).count(), "the multiple-heads ignore: " + found);
    }

    @Test
    void anEditMovesTheFilesAfterItInItsHistoryAndNothingElse() throws Exception {
        Path first = write("migrations/001_a.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n");
        Path second = write("migrations/002_b.sql", "CREATE TABLE IF NOT EXISTS b (id int);\n");
        Path elsewhere = write("other/migrations/001_c.sql", "CREATE TABLE IF NOT EXISTS c (id int);\n");
        ProjectService editor = new ProjectService(new ConfigResolver(), ProjectService.Mode.EDITOR);

        assertTrue(editor.affects(first, second));
        assertFalse(editor.affects(second, first), "a file does not depend on the ones after it");
        assertFalse(editor.affects(first, elsewhere), "nor on another history");
    }
}
