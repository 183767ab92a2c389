package dev.miglint.drizzle.schema;

import dev.miglint.alembic.Problem;
import dev.miglint.rules.Finding;
import dev.miglint.schema.SchemaModel;
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
    }

    @Test
    void aiChatbotAgainstItsMigrations() throws IOException {
        Path root = corpus.resolve("ai-chatbot/lib/db");
        String text = Files.readString(root.resolve("schema.ts"));
        DrizzleSchema schema = DrizzleSchemaReader.parse(text);
        SchemaModel migrated = DrizzleMigrations.replay(root.resolve("migrations"));
        List<Finding> found = DrizzleDrift.check(schema, migrated, DrizzleDrift.ALL);
        print(root.resolve("schema.ts"), text, found, schema.problems());
    }
}
