package dev.miglint.project;

import dev.miglint.drizzle.schema.DrizzleProject;
import dev.miglint.drizzle.schema.DrizzleSchemaReader;
import dev.miglint.models.ModelFile;
import dev.miglint.models.ModelReader;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Levels;
import dev.miglint.rules.Rule;
import dev.miglint.rules.Rules;
import dev.miglint.rules.models.DrizzleDrift;
import dev.miglint.rules.models.ModelDrift;
import dev.miglint.rules.models.ModelRule;
import dev.miglint.schema.SchemaModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Models against migrations, judged once per project: every SQLModel / SQLAlchemy model file of a
 * project folder against the schema its Alembic history builds, every Drizzle schema file against
 * the schema its migrations folder builds. The project folder is walked once (until a file is created
 * or deleted there), each model file read once per text, the drift judged once per change.
 */
final class ModelProjects {

    /** What one model or schema file gets: its findings (before levels) and what its hovers compare. */
    record Result(List<Finding> findings, FileReport.ModelView view) {
    }

    /** The files of one project folder the drift checks need, from one walk. */
    private record Walk(List<Path> revisions, List<Path> models, List<Path> typescript, List<Path> drizzleFolders) {
    }

    private record Drift(Map<Path, Object> inputs, SchemaModel migrated, Set<String> rules,
                         Map<Path, List<Finding>> findings) {
    }

    private record Read(String text, ModelFile models) {
    }

    /** The rules a model file is judged by: the drift rules and the key rule. */
    static final List<String> RULE_IDS = Stream.concat(
            Rules.ofType(ModelRule.class).stream().map(Rule::id), Stream.of(ModelDrift.REQUIRE_UUID_KEYS)).toList();

    private final Inputs in;
    private final AlembicHistories alembic;
    private final SqlHistories sql;
    private final Map<Path, Walk> walks = new ConcurrentHashMap<>();
    private final Map<Path, Read> reads = new ConcurrentHashMap<>();
    private final Map<Path, Drift> drifts = new ConcurrentHashMap<>();
    /** One judge per project at a time: the files of a project asked for at once share one reading and one drift. */
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();

    ModelProjects(Inputs in, AlembicHistories alembic, SqlHistories sql) {
        this.in = in;
        this.alembic = alembic;
        this.sql = sql;
    }

    /** The project folder around a model or schema file: its nearest project marker, else its own folder. */
    static Path projectOf(Path file) {
        Path root = ProjectRoots.around(file);
        return root != null ? root : file.getParent();
    }

    /** A SQLModel / SQLAlchemy model file; null when no Alembic history is around it (nothing to compare with). */
    Result python(Path file) {
        Path root = ProjectRoots.around(file);
        if (root == null) {
            return null;
        }
        synchronized (locks.computeIfAbsent(root, r -> new Object())) {
            return python(file, root);
        }
    }

    private Result python(Path file, Path root) {
        Walk walk = walk(root);
        if (walk.revisions().isEmpty()) {
            return null;
        }
        SchemaModel migrated = migratedByAlembic(walk.revisions());
        List<Path> files = new ArrayList<>(walk.models());
        if (!files.contains(file)) {
            files.add(file);
        }
        Map<Path, ModelFile> models = new TreeMap<>();
        for (Path p : files) {
            ModelFile m = models(p);
            if (m != null) {
                models.put(p, m);
            }
        }
        ModelFile own = models.get(file);
        if (own == null) {
            return null;
        }
        FileReport.ModelView view = new FileReport.ModelView(own, migrated);
        if (own.tables().isEmpty()) {
            return new Result(List.of(), view);
        }
        // One judgement for the project, under the settings of its first model file.
        Set<String> rules = Levels.enabled(in.configs().settingsFor(models.keySet().iterator().next()), RULE_IDS);
        Map<Path, Object> inputs = new LinkedHashMap<>(models);
        Drift drift = drift(root, inputs, migrated, rules, () -> ModelDrift.checkProject(models, migrated, rules));
        return new Result(drift.findings().getOrDefault(file, List.of()), view);
    }

    /** A Drizzle schema file: its project's schema files against the one migrations folder there. */
    Result drizzle(Path file) {
        Path root = projectOf(file);
        synchronized (locks.computeIfAbsent(root, r -> new Object())) {
            return drizzle(file, root);
        }
    }

    private Result drizzle(Path file, Path root) {
        Walk walk = walk(root);
        Map<Path, String> texts = new TreeMap<>();
        for (Path p : walk.typescript()) {
            String text = in.sources.text(p).text();
            if (text != null && text.contains(DrizzleSchemaReader.PG_CORE)) {
                texts.put(p, text);
            }
        }
        String own = in.sources.text(file).text();
        if (own == null) {
            return null;
        }
        texts.put(file, own);
        SchemaModel migrated = walk.drizzleFolders().size() == 1 ? sql.journalSchema(walk.drizzleFolders().get(0)) : null;
        Set<String> enabled = Levels.enabled(in.configs().settingsFor(file), RULE_IDS);
        // Without its migrations every table would be "without migration": only the key rule runs.
        Set<String> rules = migrated != null ? enabled : enabled.contains(ModelDrift.REQUIRE_UUID_KEYS)
                ? Set.of(ModelDrift.REQUIRE_UUID_KEYS) : Set.of();
        SchemaModel against = migrated != null ? migrated : SchemaModel.EMPTY;
        Map<Path, Object> inputs = new LinkedHashMap<>(texts);
        Drift drift = drift(root, inputs, against, rules,
                () -> DrizzleDrift.checkProject(DrizzleProject.read(texts), against, rules));
        FileReport.ModelView view = migrated == null ? null : new FileReport.ModelView(DrizzleSchemaReader.read(own), migrated);
        return new Result(drift.findings().getOrDefault(file, List.of()), view);
    }

    private Drift drift(Path root, Map<Path, Object> inputs, SchemaModel migrated, Set<String> rules,
                        java.util.function.Supplier<Map<Path, List<Finding>>> judge) {
        Drift kept = drifts.get(root);
        if (kept != null && kept.migrated() == migrated && kept.rules().equals(rules) && sameInputs(kept.inputs(), inputs)) {
            return kept;
        }
        Drift now = new Drift(inputs, migrated, rules, judge.get());
        drifts.put(root, now);
        return now;
    }

    /** Same files with the same texts or reads (compared by identity: each text is read and kept once). */
    private static boolean sameInputs(Map<Path, Object> a, Map<Path, Object> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<Path, Object> e : a.entrySet()) {
            Object other = b.get(e.getKey());
            if (e.getValue() != other && !Objects.equals(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    /** The schema the Alembic revisions under a project build: their one history's, or all of them as one graph. */
    private SchemaModel migratedByAlembic(List<Path> revisions) {
        List<Path> folders = revisions.stream().map(AlembicHistories::historyOf).distinct().toList();
        if (folders.size() == 1) {
            return alembic.finalSchema(folders.get(0));
        }
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path p : revisions) {
            String text = in.sources.text(p).text();
            if (text != null) {
                texts.put(p, text);
            }
        }
        return AlembicReplay.replay(texts);
    }

    /** {@code file} read as model classes (null when it cannot be read), once per text. */
    private ModelFile models(Path file) {
        String text = in.sources.text(file).text();
        if (text == null) {
            return null;
        }
        Read kept = reads.get(file);
        if (kept != null && kept.text().equals(text)) {
            return kept.models();
        }
        in.pythonReads.incrementAndGet();
        ModelFile models = ModelReader.read(text);
        reads.put(file, new Read(text, models));
        return models;
    }

    /** The project's files by kind, from Discovery's walk (which skips node_modules, virtualenvs …). */
    private Walk walk(Path root) {
        Walk kept = walks.get(root);
        if (kept != null) {
            return kept;
        }
        in.walks.incrementAndGet();
        List<Path> revisions = new ArrayList<>();
        List<Path> models = new ArrayList<>();
        List<Path> typescript = new ArrayList<>();
        Set<Path> drizzleFolders = new TreeSet<>();
        Set<Path> otherFolders = new HashSet<>();
        List<Path> found;
        try {
            found = Discovery.sqlFiles(root, file -> true);
        } catch (IOException | UncheckedIOException e) {
            found = List.of(); // an unreadable project holds nothing to compare
        }
        for (Path file : found) {
            if (Discovery.isAlembicRevision(file)) {
                revisions.add(file);
            } else if (Discovery.isModelFile(file)) {
                models.add(file);
            } else if (Discovery.isTypeScript(file)) {
                typescript.add(file);
            } else {
                // A Drizzle migrations folder: the history folder of its SQL files holds the journal.
                Path folder = SqlHistories.historyOf(file);
                if (!drizzleFolders.contains(folder) && !otherFolders.contains(folder)) {
                    (Files.isRegularFile(folder.resolve("meta").resolve("_journal.json")) ? drizzleFolders : otherFolders)
                            .add(folder);
                }
            }
        }
        Walk now = new Walk(List.copyOf(revisions), List.copyOf(models), List.copyOf(typescript), List.copyOf(drizzleFolders));
        walks.put(root, now);
        return now;
    }

    /** A file was created or deleted: the walks that may have seen its folder are stale. */
    void filesChanged() {
        walks.clear();
    }

    void clear() {
        walks.clear();
        reads.clear();
        drifts.clear();
    }
}
