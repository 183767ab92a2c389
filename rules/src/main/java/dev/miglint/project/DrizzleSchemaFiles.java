package dev.miglint.project;

import dev.miglint.drizzle.schema.DrizzleProject;
import dev.miglint.rules.models.DrizzleDrift;
import dev.miglint.schema.SchemaModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Drizzle schema files of a project and the migrations folder they are compared with: the
 * {@code .ts} files importing {@code drizzle-orm/pg-core} and the folder holding {@code meta/_journal.json},
 * both under the project folder around a schema file.
 */
public final class DrizzleSchemaFiles {

    static final String PG_CORE = "drizzle-orm/pg-core";

    private DrizzleSchemaFiles() {
    }

    /** A TypeScript file that imports Drizzle's PostgreSQL builders. */
    public static boolean isSchemaFile(Path file, String text) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.endsWith(".ts") && !name.endsWith(".d.ts") && text.contains(PG_CORE);
    }

    /** The project folder around a schema file (nearest package.json, drizzle.config.*, .git …), or its own folder. */
    public static Path projectOf(Path schemaFile) {
        Path root = ProjectRoots.around(schemaFile.toAbsolutePath().normalize());
        return root != null ? root : schemaFile.toAbsolutePath().normalize().getParent();
    }

    /** The Drizzle migrations folders under {@code root} (each holds meta/_journal.json). */
    public static List<Path> migrationFolders(Path root) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && Discovery.isSkippedDir(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (Files.isRegularFile(dir.resolve("meta/_journal.json"))) {
                        out.add(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    /** The schema files under {@code root}: path → text. */
    public static Map<Path, String> schemaFiles(Path root) {
        Map<Path, String> out = new LinkedHashMap<>();
        try {
            for (Path p : Discovery.sqlFiles(root, Discovery::isTypeScript)) {
                String text = Files.readString(p);
                if (text.contains(PG_CORE)) {
                    out.put(p, text);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return out;
        }
        return out;
    }

    /**
     * The findings of every schema file of a project (texts: path → text, the edited ones included),
     * compared with its one migrations folder; with none, or several, only the key rule runs.
     */
    public static Map<Path, List<dev.miglint.rules.Finding>> check(Path root, Map<Path, String> texts, Set<String> enabled) {
        List<Path> folders = migrationFolders(root);
        SchemaModel migrated = SchemaModel.EMPTY;
        Set<String> rules = enabled;
        if (folders.size() == 1) {
            try {
                migrated = DrizzleMigrations.replay(folders.get(0));
            } catch (IOException | UncheckedIOException e) {
                rules = keysOnly(enabled);
            }
        } else {
            rules = keysOnly(enabled);
        }
        return DrizzleDrift.checkProject(DrizzleProject.read(texts), migrated, rules);
    }

    private static Set<String> keysOnly(Set<String> enabled) {
        return enabled.contains(DrizzleDrift.REQUIRE_UUID_KEYS) ? Set.of(DrizzleDrift.REQUIRE_UUID_KEYS) : Set.of();
    }
}
