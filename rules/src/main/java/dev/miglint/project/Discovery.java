package dev.miglint.project;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which SQL files under a workspace folder are migrations (DESIGN.md §3): the governing
 * {@code .miglint.json}'s {@code include} globs when it has some, otherwise the conventions of the
 * common tools; {@code exclude} always applies.
 */
public final class Discovery {

    /** Folders that never hold a project's own migrations, and can hold millions of files. */
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "target", ".git", ".venv", "venv", ".next",
            "__pycache__", ".idea", "build", "dist");
    private static final Pattern FLYWAY = Pattern.compile("(?:[VU]\\d+(?:[._]\\d+)*|R)__.+\\.sql", Pattern.CASE_INSENSITIVE);

    private Discovery() {
    }

    /** The migration files under {@code root}, sorted by path. */
    public static List<Path> find(Path root, ConfigResolver configs) {
        Path start = root.toAbsolutePath().normalize();
        if (Files.isRegularFile(start)) {
            return isSql(start) ? List.of(start) : List.of();
        }
        try {
            return sqlFiles(start, file -> isMigration(start, file, configs));
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // an unreadable root holds nothing to index
        }
    }

    /**
     * Every {@code .sql} file and Alembic revision under {@code root} that {@code keep} accepts, sorted, as paths below
     * {@code root} as given. Folders that never hold a project's own migrations (node_modules,
     * target, .git …) are not walked into; an unreadable corner does not stop the walk.
     */
    public static List<Path> sqlFiles(Path root, Predicate<Path> keep) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skipped = !dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString());
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && (isSql(file) || isAlembicRevision(file) || isModelFile(file) || isTypeScript(file))
                        && keep.test(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    /**
     * An Alembic revision: a {@code .py} file in a {@code versions/} folder of an Alembic script
     * directory (the folder above holds {@code env.py}).
     */
    public static boolean isAlembicRevision(Path file) {
        Path name = file.getFileName();
        Path versions = file.toAbsolutePath().getParent();
        if (name == null || versions == null || versions.getFileName() == null || versions.getParent() == null) {
            return false;
        }
        String n = name.toString();
        return n.endsWith(".py") && !n.equals("__init__.py") && versions.getFileName().toString().equals("versions")
                && Files.isRegularFile(versions.getParent().resolve("env.py"));
    }

    /** A folder no walk goes into: it never holds a project's own migrations or schema, and can hold millions of files. */
    public static boolean isSkippedDir(Path dir) {
        return dir.getFileName() != null && SKIPPED_DIRS.contains(dir.getFileName().toString());
    }

    /** A TypeScript source (a Drizzle schema when it imports drizzle-orm/pg-core, which the reader checks). */
    public static boolean isTypeScript(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.endsWith(".ts") && !name.endsWith(".d.ts");
    }

    /** A model file by convention: {@code models.py}, or a module of a {@code models/} package. */
    public static boolean isModelFile(Path file) {
        Path name = file.getFileName();
        Path parent = file.toAbsolutePath().getParent();
        if (name == null || !name.toString().endsWith(".py") || name.toString().equals("__init__.py")) {
            return false;
        }
        return name.toString().equals("models.py")
                || parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("models");
    }

    /** True when {@code file} (under {@code root}) is a migration by the config or by convention. */
    public static boolean isMigration(Path root, Path file, ConfigResolver configs) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!isSql(absolute)) {
            return false;
        }
        if (configs.hasIncludes(absolute)) {
            return configs.includes(absolute);
        }
        Path base = root.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return byConvention(relative) && configs.includes(absolute);
    }

    /**
     * {@code **}{@code /migrations/**}{@code /*.sql} (plain, golang-migrate, Supabase, Prisma, boundary),
     * {@code **}{@code /db/migration/**} and Flyway-named files anywhere, {@code **}{@code /drizzle/*.sql}
     * and {@code **}{@code /drizzle/*}{@code /migration.sql}.
     */
    static boolean byConvention(Path relative) {
        String name = relative.getFileName().toString();
        if (FLYWAY.matcher(name).matches()) {
            return true;
        }
        int folders = relative.getNameCount() - 1;
        for (int i = 0; i < folders; i++) {
            String folder = relative.getName(i).toString().toLowerCase(Locale.ROOT);
            if (folder.equals("migrations") || folder.equals("migration") && i > 0
                    && relative.getName(i - 1).toString().equals("db")) {
                return true;
            }
            if (folder.equals("drizzle") && (i == folders - 1 || i == folders - 2 && name.equals("migration.sql"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSql(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql");
    }
}
