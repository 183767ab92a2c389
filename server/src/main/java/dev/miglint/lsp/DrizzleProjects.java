package dev.miglint.lsp;

import dev.miglint.rules.drizzle.DrizzleChecks;
import dev.miglint.rules.models.DrizzleDrift;
import dev.miglint.project.DrizzleMigrations;
import dev.miglint.drizzle.schema.DrizzleProject;
import dev.miglint.project.DrizzleSchemaFiles;
import dev.miglint.rules.Finding;
import dev.miglint.schema.SchemaModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drizzle projects as the editor sees them: a schema file with the other schema files of its project
 * and the schema its migrations folder builds (replayed again only when a migration changes), and a
 * journal with the checks of its folder. The project is looked at again at most every few seconds.
 */
final class DrizzleProjects {

    private static final long RESCAN_MS = 3000;

    private record Project(long scannedAt, Map<Path, String> schemaFiles, Path migrations, List<String> stamps,
                           SchemaModel migrated) {
    }

    private final Map<Path, Project> byRoot = new ConcurrentHashMap<>();

    /** The findings of the schema file {@code path} whose text is {@code text}, and the schema they compare with. */
    record Checked(List<Finding> findings, SchemaModel migrated) {
    }

    Checked schemaFile(Path path, String text, Set<String> enabled) {
        Path file = path.toAbsolutePath().normalize();
        Path root = DrizzleSchemaFiles.projectOf(file);
        Project project = project(root);
        Map<Path, String> texts = new LinkedHashMap<>(project.schemaFiles());
        texts.put(file, text);
        Set<String> rules = project.migrated() != null ? enabled
                : enabled.contains(DrizzleDrift.REQUIRE_UUID_KEYS) ? Set.of(DrizzleDrift.REQUIRE_UUID_KEYS) : Set.of();
        SchemaModel migrated = project.migrated() != null ? project.migrated() : SchemaModel.EMPTY;
        List<Finding> findings = DrizzleDrift.checkProject(DrizzleProject.read(texts), migrated, rules)
                .getOrDefault(file, List.of());
        return new Checked(findings, project.migrated());
    }

    /** The folder checks reported on the journal {@code path} (meta/_journal.json). */
    List<Finding> journal(Path path) {
        Path journal = path.toAbsolutePath().normalize();
        Path folder = journal.getParent() == null ? null : journal.getParent().getParent();
        if (folder == null) {
            return List.of();
        }
        try {
            for (Map.Entry<Path, List<Finding>> e : DrizzleChecks.check(folder).entrySet()) {
                if (e.getKey().toAbsolutePath().normalize().equals(journal)) {
                    return e.getValue();
                }
            }
        } catch (UncheckedIOException e) {
            return List.of();
        }
        return List.of();
    }

    private Project project(Path root) {
        Project old = byRoot.get(root);
        long now = System.currentTimeMillis();
        boolean fresh = old != null && now - old.scannedAt() < RESCAN_MS;
        Map<Path, String> schemaFiles = fresh ? old.schemaFiles() : normalized(DrizzleSchemaFiles.schemaFiles(root));
        Path migrations = fresh ? old.migrations() : single(DrizzleSchemaFiles.migrationFolders(root));
        List<String> stamps = migrations == null ? List.of() : stamps(migrations);
        SchemaModel migrated;
        if (old != null && java.util.Objects.equals(old.migrations(), migrations) && old.stamps().equals(stamps)) {
            migrated = old.migrated();
        } else {
            migrated = replay(migrations);
        }
        Project project = new Project(fresh ? old.scannedAt() : now, schemaFiles, migrations, stamps, migrated);
        byRoot.put(root, project);
        return project;
    }

    private static Map<Path, String> normalized(Map<Path, String> files) {
        Map<Path, String> out = new LinkedHashMap<>();
        files.forEach((p, t) -> out.put(p.toAbsolutePath().normalize(), t));
        return out;
    }

    private static Path single(List<Path> folders) {
        return folders.size() == 1 ? folders.get(0) : null;
    }

    private static SchemaModel replay(Path migrations) {
        if (migrations == null) {
            return null;
        }
        try {
            return DrizzleMigrations.replay(migrations);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** The migrations and the journal of {@code folder}: what a replay of it depends on. */
    private static List<String> stamps(Path folder) {
        try (var files = Files.walk(folder, 2)) {
            return FileStamps.of(files.filter(p -> p.toString().endsWith(".sql") || p.toString().endsWith("_journal.json"))
                    .sorted().toList());
        } catch (IOException | UncheckedIOException e) {
            return List.of("unreadable");
        }
    }
}
