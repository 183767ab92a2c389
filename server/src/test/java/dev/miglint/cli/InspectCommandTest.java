package dev.miglint.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static JsonArray statements(CliRun run, int file) {
        return JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("files").get(file)
                .getAsJsonObject().getAsJsonArray("statements");
    }

    private static JsonObject summary(CliRun run) {
        return JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("summary");
    }

    @Test
    void garbageStatementIsListedAsUnrecognizedAndCountedInCoverage() throws IOException {
        Path file = write("V1.sql", "CREATE TABLE IF NOT EXISTS t (id int);\nfrobnicate the widgets;\n");

        CliRun text = CliRun.of("inspect", file.toString());
        CliRun json = CliRun.of("inspect", "--format", "json", file.toString());

        assertEquals(0, text.exitCode(), text.err());
        assertEquals(List.of(
                file.toString(),
                "  1:1-1:39  CreateTable  name=t  ifNotExists=true  temporary=false  unlogged=false"
                        + "  columns=[{name=id, type=int}]"
                        + "  asQuery=false",
                "  2:1-2:24  Unrecognized  reason=unknown statement FROBNICATE"),
                text.outLines().subList(0, 3));
        assertTrue(text.outLines().get(3).endsWith("2 statements, 1 unrecognized: 50.00% recognized"), text.out());

        JsonObject garbage = statements(json, 0).get(1).getAsJsonObject();
        assertEquals("Unrecognized", garbage.get("kind").getAsString());
        JsonObject s = summary(json);
        assertEquals(1, s.get("files").getAsInt());
        assertEquals(2, s.get("statements").getAsInt());
        assertEquals(1, s.get("unrecognized").getAsInt());
        assertEquals(50.0, s.get("recognizedPercent").getAsDouble());
    }

    @Test
    void factsNameWhatTheStatementDoes() throws IOException {
        Path file = write("V1.sql", """
                CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_email ON app.users (email);
                CREATE SCHEMA app;
                CREATE EXTENSION IF NOT EXISTS pgcrypto;
                DROP INDEX CONCURRENTLY idx_old;
                """);

        CliRun run = CliRun.of("inspect", "--format", "json", file.toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonArray statements = statements(run, 0);
        assertEquals(4, statements.size());

        JsonObject index = statements.get(0).getAsJsonObject();
        assertEquals("CreateIndex", index.get("kind").getAsString());
        JsonObject facts = index.getAsJsonObject("facts");
        assertEquals("idx_users_email", facts.get("name").getAsString());
        assertEquals("app.users", facts.get("table").getAsString());
        assertTrue(facts.get("concurrently").getAsBoolean());
        assertTrue(facts.get("ifNotExists").getAsBoolean());
        assertFalse(facts.get("unique").getAsBoolean());

        JsonObject schema = statements.get(1).getAsJsonObject().getAsJsonObject("facts");
        assertEquals("SCHEMA", schema.get("objectKind").getAsString());
        assertEquals("app", schema.get("name").getAsString());
        assertFalse(schema.get("ifNotExists").getAsBoolean());

        JsonObject extension = statements.get(2).getAsJsonObject().getAsJsonObject("facts");
        assertEquals("EXTENSION", extension.get("objectKind").getAsString());
        assertTrue(extension.get("ifNotExists").getAsBoolean());

        JsonObject drop = statements.get(3).getAsJsonObject();
        assertEquals("Drop", drop.get("kind").getAsString());
        assertEquals("INDEX", drop.getAsJsonObject("facts").get("objectKind").getAsString());
        assertTrue(drop.getAsJsonObject("facts").get("concurrently").getAsBoolean());
    }

    @Test
    void factsLeaveOutOffsetsSpansAndTheStatementAndFalseFlagsOfColumns() throws IOException {
        Path file = write("V1.sql", "CREATE TABLE users (id int NOT NULL, email text UNIQUE);\n");

        CliRun run = CliRun.of("inspect", "--format", "json", file.toString());

        JsonObject statement = statements(run, 0).get(0).getAsJsonObject();
        assertEquals(java.util.Set.of("kind", "range", "facts"), statement.keySet());
        JsonObject facts = statement.getAsJsonObject("facts");
        assertEquals("[{\"name\":\"id\",\"type\":\"int\",\"notNull\":true},"
                + "{\"name\":\"email\",\"type\":\"text\",\"unique\":true}]", facts.get("columns").toString());
        assertFalse(facts.has("guardAt"), facts.toString());
        assertFalse(facts.has("statement"), facts.toString());
        assertFalse(facts.has("span"), facts.toString());
    }

    @Test
    void doBlockListsItsInnerStatementsNested() throws IOException {
        Path file = write("V1.sql", """
                DO $$ BEGIN
                  ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
                EXCEPTION WHEN duplicate_object THEN null;
                END $$;
                """);

        CliRun json = CliRun.of("inspect", "--format", "json", file.toString());
        CliRun text = CliRun.of("inspect", file.toString());

        JsonObject block = statements(json, 0).get(0).getAsJsonObject();
        assertEquals("DoBlock", block.get("kind").getAsString());
        JsonObject inner = block.getAsJsonArray("inner").get(0).getAsJsonObject();
        assertEquals("AddConstraint", inner.get("kind").getAsString());
        assertEquals("orders_user_fk", inner.getAsJsonObject("facts").get("name").getAsString());
        assertEquals(1, inner.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
        assertTrue(text.outLines().stream().anyMatch(l -> l.startsWith("      2:3-") && l.contains("AddConstraint")),
                text.out());
    }

    @Test
    void inspectExitsZeroEvenWhenCheckWouldFail() throws IOException {
        Path file = write("V1.sql", "ALTER TABLE users DROP COLUMN email;\n");

        assertEquals(1, CliRun.of("check", file.toString()).exitCode());
        assertEquals(0, CliRun.of("inspect", file.toString()).exitCode());
    }

    @Test
    void crlfRangesInInspect() throws IOException {
        Path file = write("V1.sql", "SELECT 1;\r\n  CREATE SCHEMA app;\r\n");

        CliRun json = CliRun.of("inspect", "--format", "json", file.toString());
        CliRun text = CliRun.of("inspect", file.toString());

        JsonObject range = statements(json, 0).get(1).getAsJsonObject().getAsJsonObject("range");
        assertEquals(1, range.getAsJsonObject("start").get("line").getAsInt());
        assertEquals(2, range.getAsJsonObject("start").get("character").getAsInt());
        assertEquals(1, range.getAsJsonObject("end").get("line").getAsInt());
        assertEquals(20, range.getAsJsonObject("end").get("character").getAsInt());
        assertTrue(text.outLines().get(2).startsWith("  2:3-2:21  CreateObject"), text.out());
    }

    @Test
    void unreadableFileIsReportedAndTheOthersAreStillInspected() throws IOException {
        Files.write(dir.resolve("V1__latin1.sql"), "-- é\nSELECT 1;".getBytes(StandardCharsets.ISO_8859_1));
        write("V2__good.sql", "CREATE SCHEMA app;\n");

        CliRun json = CliRun.of("inspect", "--format", "json", dir.toString());

        assertEquals(0, json.exitCode(), json.err());
        JsonArray files = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("files");
        assertEquals(2, files.size());
        JsonObject bad = files.get(0).getAsJsonObject();
        assertTrue(bad.get("problem").getAsString().contains("UTF-8"), bad.toString());
        assertFalse(bad.has("statements"));
        assertEquals("CreateObject", statements(json, 1).get(0).getAsJsonObject().get("kind").getAsString());
    }

    @Test
    void missingPathAndBadFormatExitTwo() throws IOException {
        Path file = write("V1.sql", "SELECT 1;\n");

        CliRun missing = CliRun.of("inspect", dir.resolve("absent").toString());
        CliRun format = CliRun.of("inspect", "--format", "yaml", file.toString());

        assertEquals(2, missing.exitCode());
        assertEquals(List.of("miglint: no such file or directory: " + dir.resolve("absent")), missing.errLines());
        assertEquals(2, format.exitCode());
        assertEquals(1, format.errLines().size(), format.err());
        assertTrue(format.err().startsWith("miglint: "), format.err());
    }
}
