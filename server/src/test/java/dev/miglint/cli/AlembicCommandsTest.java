package dev.miglint.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** check, fix and inspect on an Alembic project: revisions read from the Python source. */
class AlembicCommandsTest {

    @TempDir
    Path dir;

    private Path versions;

    private Path revision(String file, String id, String down, String upgrade, String downgrade) throws IOException {
        versions = Files.createDirectories(dir.resolve("alembic/versions"));
        Files.writeString(dir.resolve("alembic/env.py"), "from alembic import context\n");
        String text = "from alembic import op\nimport sqlalchemy as sa\n\nrevision = \"" + id + "\"\ndown_revision = "
                + (down == null ? "None" : "\"" + down + "\"") + "\n\n\ndef upgrade():\n" + upgrade.indent(4)
                + "\n\ndef downgrade():\n" + downgrade.indent(4);
        return Files.writeString(versions.resolve(file), text);
    }

    private static List<JsonObject> findings(CliRun run) {
        return JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("findings").asList().stream()
                .map(JsonElement::getAsJsonObject).toList();
    }

    @Test
    void aLaterRevisionSeesTheTableAnEarlierOneCreatedWhateverTheFileNames() throws IOException {
        // File names are hashes: the run order comes from down_revision, not from the names.
        revision("ffff_create.py", "a1", null,
                "op.create_table(\"users\", sa.Column(\"id\", sa.Integer(), primary_key=True), if_not_exists=True)",
                "op.drop_table(\"users\")");
        revision("0000_email.py", "b2", "a1",
                "op.add_column(\"users\", sa.Column(\"email\", sa.Text(), nullable=False))",
                "op.drop_column(\"users\", \"email\")");
        CliRun run = CliRun.of("check", "--format", "json", dir.toString());
        List<JsonObject> findings = findings(run);
        JsonObject required = findings.stream().filter(f -> f.get("rule").getAsString().equals("ban-required-column"))
                .findFirst().orElseThrow(() -> new AssertionError(run.out()));
        assertTrue(required.get("file").getAsString().endsWith("0000_email.py"), required.toString());
        assertEquals(8, required.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt(), "on op.add_column");
    }

    @Test
    void historyFindingsAreReportedOnTheRevisionLineAndFollowTheSettings() throws IOException {
        revision("a1.py", "a1", null, "op.execute(\"SELECT 1\")", "pass");
        revision("b2.py", "b2", "a1", "op.execute(\"SELECT 2\")", "pass");
        revision("c3.py", "c3", "a1", "op.execute(\"SELECT 3\")", "pass");
        CliRun run = CliRun.of("check", "--format", "json", dir.toString());
        List<JsonObject> heads = findings(run).stream()
                .filter(f -> f.get("rule").getAsString().equals("alembic-multiple-heads")).toList();
        assertEquals(2, heads.size(), run.out());
        assertEquals(3, heads.get(0).getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt(),
                "the revision = line");
        Files.writeString(dir.resolve(".miglint.json"), "{\"rules\": {\"alembic-multiple-heads\": \"off\"}}");
        CliRun quiet = CliRun.of("check", "--format", "json", dir.toString());
        assertTrue(findings(quiet).stream().noneMatch(f -> f.get("rule").getAsString().equals("alembic-multiple-heads")),
                quiet.out());
    }

    @Test
    void fixAddsTheKeywordTheProjectsAlembicHasAndLeavesTheRestOfThePythonAlone() throws IOException {
        Files.writeString(dir.resolve("requirements.txt"), "alembic==1.16.1\nSQLAlchemy==2.0.36\n");
        Path file = revision("a1.py", "a1", null, "op.create_index(\"ix_users_email\", \"users\", [\"email\"])",
                "op.drop_index(\"ix_users_email\", table_name=\"users\")");
        CliRun run = CliRun.of("fix", dir.toString());
        String fixed = Files.readString(file);
        assertTrue(fixed.contains("    with op.get_context().autocommit_block():\n        op.create_index(\"ix_users_email\", "
                + "\"users\", [\"email\"], postgresql_concurrently=True, if_not_exists=True)\n"), run.out() + run.err() + fixed);
        assertTrue(fixed.contains("op.drop_index(\"ix_users_email\", table_name=\"users\")\n"), "downgrade untouched");
    }

    @Test
    void inspectListsEachOpCallWithItsChangeKindOrUnrecognized() throws IOException {
        revision("a1.py", "a1", null, "op.create_table(\"users\", sa.Column(\"id\", sa.Integer(), primary_key=True))\n"
                + "op.frobnicate(\"users\")", "op.drop_table(\"users\")");
        CliRun run = CliRun.of("inspect", dir.toString());
        assertTrue(run.out().contains("9:5-9:20  op.create_table  CreateTable"), run.out());
        assertTrue(run.out().contains("op.frobnicate  Unrecognized"), run.out());
        assertTrue(run.out().contains("op.drop_table  Drop  objectKind=TABLE  names=[users]"), run.out());
        assertFalse(run.out().contains("100.00% recognized"), "the unknown op counts against coverage");
    }

    @Test
    void aModelFieldNoMigrationCreatesIsReportedOnTheField() throws IOException {
        revision("a1.py", "a1", null, "op.create_table(\"hero\", sa.Column(\"id\", sa.Uuid(), primary_key=True), "
                + "sa.Column(\"name\", sa.Text(), nullable=False), if_not_exists=True)", "op.drop_table(\"hero\")");
        Files.createDirectories(dir.resolve("app"));
        Path models = Files.writeString(dir.resolve("app/models.py"), """
                import uuid
                from sqlmodel import Field, SQLModel


                class Hero(SQLModel, table=True):
                    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
                    name: str
                    secret_name: str
                """);
        Files.createDirectories(dir.resolve(".git"));
        CliRun run = CliRun.of("check", "--format", "json", dir.toString());
        JsonObject drift = findings(run).stream().filter(f -> f.get("rule").getAsString().equals("model-without-migration"))
                .findFirst().orElseThrow(() -> new AssertionError(run.out()));
        assertTrue(drift.get("file").getAsString().endsWith("models.py"), drift.toString());
        assertEquals(7, drift.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt(), "secret_name (0-based)");
        assertTrue(drift.get("message").getAsString().contains("alembic revision --autogenerate"), drift.toString());
        assertEquals(1, findings(run).stream().filter(f -> f.get("file").getAsString().endsWith("models.py")).count(), run.out());
    }
}
