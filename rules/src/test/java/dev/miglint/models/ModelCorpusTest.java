package dev.miglint.models;

import dev.miglint.project.AlembicReplay;
import dev.miglint.rules.Finding;
import dev.miglint.rules.models.ModelDrift;
import dev.miglint.schema.SchemaModel;
import dev.miglint.testing.SharedCorpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The model files of ../shared/corpus/alembic against the schema their own migrations build. */
class ModelCorpusTest {

    private static final Set<String> ALL = Set.of(ModelDrift.MODEL_WITHOUT_MIGRATION,
            ModelDrift.MIGRATION_WITHOUT_MODEL, ModelDrift.REQUIRE_UUID_KEYS);

    private static Path corpus;

    @BeforeAll
    static void locate() {
        corpus = corpusDir();
        Assumptions.assumeTrue(corpus != null, "corpus/alembic not found: ModelCorpusTest skipped");
    }

    private static Path corpusDir() {
        return SharedCorpus.locate("alembic");
    }

    private static Map<Path, String> versions(Path dir) throws IOException {
        Map<Path, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                out.put(p, Files.readString(p));
            }
        }
        return out;
    }

    /** Runs the drift check and prints every finding as file:line: rule message. */
    private static List<Finding> drift(Path models, Path versions, ModelFile read) throws IOException {
        String text = Files.readString(models);
        SchemaModel migrated = AlembicReplay.replay(versions(versions));
        List<Finding> found = ModelDrift.check(models, read, migrated, ALL);
        for (Finding f : found) {
            System.out.println(corpus.relativize(models) + ":" + line(text, f.range().start()) + ": " + f.rule()
                    + " " + f.message());
        }
        read.problems().forEach(p -> System.out.println(corpus.relativize(models) + ":"
                + line(text, p.span().start()) + ": problem " + p.message()));
        return found;
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Map<String, Long> byRule(List<Finding> found) {
        return found.stream().collect(Collectors.groupingBy(Finding::rule, TreeMap::new, Collectors.counting()));
    }

    @Test
    void fastapiTemplateModelsMatchTheirMigrations() throws IOException {
        Path backend = corpus.resolve("fastapi-template/backend");
        Path models = backend.resolve("app/models.py");
        ModelFile read = ModelReader.read(Files.readString(models));
        assertEquals(List.of("user", "item"), read.tables().stream().map(ModelTable::tableName).toList());
        assertEquals(12, read.tables().stream().mapToInt(t -> t.columns().size()).sum());
        assertEquals(List.of(), read.problems());
        List<Finding> found = drift(models, backend.resolve("app/alembic/versions"), read);
        // The template's models and its five revisions agree, and every key is a uuid.UUID.
        assertEquals(Map.of(), byRule(found));
    }

    @Test
    void tracecatModelsAgainstTheirMigrations() throws IOException {
        Path root = corpus.resolve("tracecat");
        Path models = root.resolve("tracecat/db/models.py");
        String text = Files.readString(models);
        ModelFile read = ModelReader.read(text);
        long tableTrue = text.lines().filter(l -> l.startsWith("class ") && l.contains("table=True")).count();
        assertEquals(43, tableTrue);
        assertEquals(43, read.tables().size());
        // Counted independently with CPython's ast; the 40 tables whose bases are all in the file match the
        // migrated columns exactly.
        assertEquals(408, read.tables().stream().mapToInt(t -> t.columns().size()).sum());
        assertEquals(List.of("OAuthAccount", "User", "AccessToken"), read.tables().stream()
                .filter(t -> !t.complete()).map(ModelTable::className).toList());
        assertEquals(3, read.problems().size(), read.problems()::toString);
        List<Finding> found = drift(models, root.resolve("alembic/versions"), read);
        // Genuine: Resource.surrogate_id (int, inherited by most tables, reported once), Ownership.resource_id
        // and SAMLRequestData.id (str primary keys), WebhookApiKey.webhook_id (str foreign key to webhook.id).
        assertEquals(List.of("74 require-uuid-keys surrogate_id", "113 require-uuid-keys resource_id",
                "229 require-uuid-keys id", "510 require-uuid-keys webhook_id"),
                found.stream().map(f -> line(text, f.range().start()) + " " + f.rule() + " "
                        + f.message().split("`")[1]).toList());
    }

    @Test
    void aRenamedFieldInTracecatIsDriftOnBothSides() throws IOException {
        Path root = corpus.resolve("tracecat");
        String original = Files.readString(root.resolve("tracecat/db/models.py"));
        // Tag's ref (the last of two identical lines; the other is CaseTag's) becomes slug.
        int at = original.lastIndexOf("    ref: str = Field(index=True, nullable=False)");
        String text = original.substring(0, at) + "    slug" + original.substring(at + "    ref".length());
        SchemaModel migrated = AlembicReplay.replay(versions(root.resolve("alembic/versions")));
        List<Finding> found = ModelDrift.check(Path.of("models.py"), ModelReader.read(text), migrated,
                Set.of(ModelDrift.MODEL_WITHOUT_MIGRATION, ModelDrift.MIGRATION_WITHOUT_MODEL));
        assertEquals(List.of("migration-without-model Tag: Column `tag.ref` exists after the migrations but model `Tag`"
                        + " does not declare it",
                "model-without-migration slug: Column `tag.slug` of model `Tag` is not in the migrated table: "
                        + "run `alembic revision --autogenerate`"),
                found.stream().map(f -> f.rule() + " " + f.range().text(text) + ": " + f.message()).toList());
    }

    @Test
    void everyPrefixOfTheTracecatModelsIsReadWithoutAnException() throws IOException {
        String text = Files.readString(corpus.resolve("tracecat/tracecat/db/models.py"));
        for (int end = 0; end <= text.length(); end += 37) {
            ModelFile read = ModelReader.read(text.substring(0, end));
            ModelDrift.check(Path.of("models.py"), read, SchemaModel.EMPTY, ALL);
        }
    }
}
