package dev.miglint.drizzle.schema;

import dev.miglint.project.DrizzleMigrations;
import dev.miglint.rules.Finding;
import dev.miglint.rules.models.DrizzleDrift;
import dev.miglint.schema.SchemaModel;
import dev.miglint.text.Problem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Drizzle schema files of ../shared/corpus/drizzle, read and compared with their own migrations. */
class DrizzleSchemaCorpusTest {

    private static Path corpus;

    @BeforeAll
    static void locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("rules/pom.xml"))) {
                Path candidate = dir.resolve("../shared/corpus/drizzle").normalize();
                corpus = Files.isDirectory(candidate) ? candidate : null;
                break;
            }
        }
        Assumptions.assumeTrue(corpus != null, "corpus/drizzle not found: DrizzleSchemaCorpusTest skipped");
    }

    static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Map<Path, String> schemaFiles(Path root) throws IOException {
        Map<Path, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".ts")).sorted().toList()) {
                String text = Files.readString(p);
                if (text.contains("\"drizzle-orm/pg-core\"")) {
                    out.put(p, text);
                }
            }
        }
        return out;
    }

    private static void print(Path file, String text, List<Finding> findings, List<Problem> problems) {
        for (Finding f : findings) {
            System.out.println(corpus.relativize(file) + ":" + line(text, f.range().start()) + ": " + f.rule() + " "
                    + f.message());
        }
        for (Problem p : problems) {
            System.out.println(corpus.relativize(file) + ":" + line(text, p.span().start()) + ": problem "
                    + p.message());
        }
    }

    @Test
    void everyDokploySchemaFileIsReadWithoutLosingATable() throws IOException {
        Map<Path, String> files = schemaFiles(corpus.resolve("dokploy"));
        Map<Path, DrizzleSchema> read = DrizzleProject.read(files);
        int tables = 0;
        for (Map.Entry<Path, DrizzleSchema> e : read.entrySet()) {
            String text = files.get(e.getKey());
            long declared = text.lines().filter(l -> l.matches("^export const \\w+ = pgTable\\(.*")).count();
            assertEquals(declared, e.getValue().tables().size(), e.getKey().toString());
            assertTrue(e.getValue().tables().stream().allMatch(t -> t.tableName() != null && !t.columns().isEmpty()));
            print(e.getKey(), text, List.of(), e.getValue().problems());
            tables += e.getValue().tables().size();
        }
        System.out.println("dokploy: " + read.size() + " files, " + tables + " tables, "
                + DrizzleProject.tables(read).stream().mapToInt(t -> t.columns().size()).sum() + " columns");
    }

    @Test
    void dokployAgainstItsMigrations() throws IOException {
        Map<Path, String> files = schemaFiles(corpus.resolve("dokploy/packages/server/src/db/schema"));
        Map<Path, DrizzleSchema> read = DrizzleProject.read(files);
        SchemaModel migrated = DrizzleMigrations.replay(corpus.resolve("dokploy/apps/dokploy/drizzle"));
        Map<Path, List<Finding>> found = DrizzleDrift.checkProject(read, migrated, DrizzleDrift.ALL);
        found.forEach((p, f) -> print(p, files.get(p), f, List.of()));
        // Genuine: 0066 created user_temp (renamed to "user" in 0120) with enableLogRotation, and 0133 dropped
        // the other server columns but not this one; the schema and the last snapshot both lack it.
        List<String> drift = found.values().stream().flatMap(List::stream)
                .filter(f -> !f.rule().equals(DrizzleDrift.REQUIRE_UUID_KEYS)).map(Finding::message).toList();
        assertEquals(List.of("Column `user.enableLogRotation` exists after the migrations but `user` does not "
                + "declare it"), drift);
    }

    @Test
    void everyDokployKeyFixLeavesAFileThatReadsAsBeforeWithUuidKeys() throws IOException {
        Map<Path, String> files = schemaFiles(corpus.resolve("dokploy/packages/server/src/db/schema"));
        Map<Path, DrizzleSchema> read = DrizzleProject.read(files);
        Map<Path, List<Finding>> found = DrizzleDrift.checkProject(read, SchemaModel.EMPTY,
                java.util.Set.of(DrizzleDrift.REQUIRE_UUID_KEYS));
        Map<Path, String> fixedFiles = new LinkedHashMap<>();
        files.forEach((p, text) -> fixedFiles.put(p, dev.miglint.rules.Fixes.apply(text,
                dev.miglint.rules.Fixes.firstFixes(found.get(p)))));
        Map<Path, DrizzleSchema> again = DrizzleProject.read(fixedFiles);
        for (Path p : files.keySet()) {
            assertEquals(read.get(p).problems().size(), again.get(p).problems().size(), p.toString());
            assertEquals(read.get(p).tables().stream().map(t -> t.columns().size()).toList(),
                    again.get(p).tables().stream().map(t -> t.columns().size()).toList(), p.toString());
            assertTrue(again.get(p).pgCore() == null || fixedFiles.get(p).equals(files.get(p))
                    || again.get(p).pgCore().names().containsKey("uuid"), p.toString());
        }
        Map<Path, List<Finding>> left = DrizzleDrift.checkProject(again, SchemaModel.EMPTY,
                java.util.Set.of(DrizzleDrift.REQUIRE_UUID_KEYS));
        assertEquals(0, left.values().stream().mapToInt(List::size).sum());
        assertEquals(200, found.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void dokployReplayAgreesWithItsLastSnapshot() throws IOException {
        Path drizzle = corpus.resolve("dokploy/apps/dokploy/drizzle");
        SchemaModel migrated = DrizzleMigrations.replay(drizzle);
        Path last;
        try (Stream<Path> s = Files.list(drizzle.resolve("meta"))) {
            last = s.filter(p -> p.toString().endsWith("_snapshot.json")).sorted().reduce((a, b) -> b).orElseThrow();
        }
        com.google.gson.JsonObject tables = com.google.gson.JsonParser.parseString(Files.readString(last))
                .getAsJsonObject().getAsJsonObject("tables");
        java.util.Set<String> snapshot = new java.util.TreeSet<>();
        tables.entrySet().forEach(e -> e.getValue().getAsJsonObject().getAsJsonObject("columns").keySet()
                .forEach(c -> snapshot.add(e.getValue().getAsJsonObject().get("name").getAsString() + "." + c)));
        java.util.Set<String> replayed = new java.util.TreeSet<>();
        migrated.tables().forEach((k, t) -> t.columns().keySet().forEach(c -> replayed.add(k + "." + c)));
        java.util.Set<String> extra = new java.util.TreeSet<>(replayed);
        extra.removeAll(snapshot);
        java.util.Set<String> missing = new java.util.TreeSet<>(snapshot);
        missing.removeAll(replayed);
        assertEquals(java.util.Set.of("user.enableLogRotation"), extra);
        assertEquals(java.util.Set.of(), missing);
    }

    @Test
    void aiChatbotAgainstItsMigrations() throws IOException {
        Path root = corpus.resolve("ai-chatbot/lib/db");
        String text = Files.readString(root.resolve("schema.ts"));
        DrizzleSchema schema = DrizzleSchemaReader.parse(text);
        SchemaModel migrated = DrizzleMigrations.replay(root.resolve("migrations"));
        List<Finding> found = DrizzleDrift.check(schema, migrated, DrizzleDrift.ALL);
        print(root.resolve("schema.ts"), text, found, schema.problems());
        assertEquals(List.of("User", "Chat", "Message", "Message_v2", "Vote", "Vote_v2", "Document", "Suggestion",
                "Stream"), schema.tables().stream().map(DrizzleTable::tableName).toList());
        assertEquals(43, schema.tables().stream().mapToInt(t -> t.columns().size()).sum());
        assertEquals(List.of(), schema.problems());
        // The template's nine migrations build exactly these tables and columns, and every key is a uuid.
        assertEquals(List.of(), found);
        assertEquals("Document.id", schema.tables().get(7).column("documentId").references());
    }

    @Test
    void aRenamedColumnInAiChatbotIsDriftOnBothSides() throws IOException {
        Path root = corpus.resolve("ai-chatbot/lib/db");
        String text = Files.readString(root.resolve("schema.ts")).replace("title: text(\"title\").notNull(),\n  userId",
                "heading: text(\"heading\").notNull(),\n  userId");
        List<Finding> found = DrizzleDrift.check(DrizzleSchemaReader.parse(text),
                DrizzleMigrations.replay(root.resolve("migrations")), DrizzleDrift.ALL);
        assertEquals(List.of("migration-without-model chat", "model-without-migration heading"),
                found.stream().map(f -> f.rule() + " " + f.range().text(text)).toList());
    }
}
