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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Drizzle project through check and fix: schema.ts against its migrations folder. */
class DrizzleCommandsTest {

    @TempDir
    Path dir;

    private static final String SCHEMA = """
            import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

            export const users = pgTable("users", {
              id: text("id").primaryKey(),
              email: text("email").notNull(),
              createdAt: timestamp("created_at").defaultNow(),
            });
            """;

    private void project() throws IOException {
        Path drizzle = Files.createDirectories(dir.resolve("drizzle/meta"));
        Files.writeString(dir.resolve("package.json"), "{}");
        Files.writeString(drizzle.resolve("_journal.json"), """
                {"version": "7", "dialect": "postgresql", "entries": [
                  {"idx": 0, "version": "7", "when": 1700000000000, "tag": "0000_init", "breakpoints": true}
                ]}
                """);
        Files.writeString(dir.resolve("drizzle/0000_init.sql"),
                "CREATE TABLE IF NOT EXISTS \"users\" (\"id\" text PRIMARY KEY NOT NULL, \"email\" text NOT NULL);\n");
        Files.createDirectories(dir.resolve("src/db"));
        Files.writeString(dir.resolve("src/db/schema.ts"), SCHEMA);
        Files.writeString(dir.resolve("src/db/other.ts"), "export const x = 1;\n");
    }

    private static List<JsonObject> findings(CliRun run) {
        return JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("findings").asList().stream()
                .map(JsonElement::getAsJsonObject).toList();
    }

    @Test
    void theSchemaIsComparedWithTheMigrationsAndTextKeysAreReported() throws IOException {
        project();
        CliRun run = CliRun.of("check", "--format", "json", dir.toString());
        List<JsonObject> schema = findings(run).stream().filter(f -> f.get("file").getAsString().endsWith("schema.ts")).toList();
        assertEquals(List.of("require-uuid-keys", "model-without-migration"),
                schema.stream().map(f -> f.get("rule").getAsString()).toList(), run.out());
        assertEquals(5, schema.get(1).getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt(), "createdAt");
        assertTrue(findings(run).stream().noneMatch(f -> f.get("file").getAsString().endsWith("other.ts")), run.out());
    }

    @Test
    void fixRewritesATextKeyToUuid() throws IOException {
        project();
        CliRun.of("fix", dir.resolve("src").toString());
        String fixed = Files.readString(dir.resolve("src/db/schema.ts"));
        assertTrue(fixed.contains("id: uuid(\"id\").primaryKey().defaultRandom(),"), fixed);
        assertTrue(fixed.contains("import { pgTable, text, timestamp, uuid } from \"drizzle-orm/pg-core\";"), fixed);
    }

    @Test
    void journalProblemsAreReportedOnTheFileOrTheJournalEntry() throws IOException {
        project();
        Files.writeString(dir.resolve("drizzle/0001_orphan.sql"), "ALTER TABLE \"users\" ADD COLUMN IF NOT EXISTS \"nick\" text;\n");
        CliRun run = CliRun.of("check", "--format", "json", dir.resolve("drizzle").toString());
        JsonObject orphan = findings(run).stream().filter(f -> f.get("rule").getAsString().equals("drizzle-journal-mismatch"))
                .findFirst().orElseThrow(() -> new AssertionError(run.out()));
        assertTrue(orphan.get("file").getAsString().endsWith("0001_orphan.sql"), orphan.toString());
        Files.writeString(dir.resolve("drizzle/meta/_journal.json"), """
                {"version": "7", "dialect": "postgresql", "entries": [
                  {"idx": 0, "version": "7", "when": 1700000000000, "tag": "0000_init", "breakpoints": true},
                  {"idx": 1, "version": "7", "when": 1600000000000, "tag": "0001_orphan", "breakpoints": true}
                ]}
                """);
        CliRun reordered = CliRun.of("check", "--format", "json", dir.resolve("drizzle").toString());
        JsonObject order = findings(reordered).stream().filter(f -> f.get("rule").getAsString().equals("drizzle-journal-order"))
                .findFirst().orElseThrow(() -> new AssertionError(reordered.out()));
        assertTrue(order.get("file").getAsString().endsWith("_journal.json"), order.toString());
        assertEquals(2, order.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt(), "the second entry (0-based)");
    }

    @Test
    void inspectListsTheMigrationsAndLeavesTheSchemaOut() throws IOException {
        project();
        CliRun run = CliRun.of("inspect", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("0000_init.sql") && run.out().contains("CreateTable"), run.out());
        assertTrue(!run.out().contains("schema.ts") && !run.out().contains("other.ts"), run.out());
    }
}
