package dev.miglint.project;

import dev.miglint.config.ConfigLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Where the project around a lone file starts, for an editor that opened it without a workspace folder. */
public final class ProjectRoots {

    /** Files and folders that mark a project's top folder. */
    static final List<String> MARKERS = List.of(ConfigLoader.FILE_NAME, ".git", "alembic.ini", "drizzle.config.ts",
            "drizzle.config.js", "drizzle.config.mjs", "flyway.conf", "flyway.toml", "package.json", "pyproject.toml",
            "go.mod", "pom.xml", "build.gradle", "Cargo.toml");
    /** How far up a marker is looked for. */
    private static final int MAX_LEVELS = 8;

    private ProjectRoots() {
    }

    /**
     * The nearest folder above {@code file} holding a project marker; without one, the folder above
     * a {@code migrations} folder holding the file; else null (a lone SQL file, analysed alone).
     * Never the home folder or the file system root, whose trees are not one project's.
     */
    public static Path around(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            return null;
        }
        Path home = homeFolder();
        Path dir = absolute.getParent();
        for (int level = 0; dir != null && level < MAX_LEVELS; level++, dir = dir.getParent()) {
            if (dir.getParent() == null || dir.equals(home)) {
                break;
            }
            for (String marker : MARKERS) {
                if (Files.exists(dir.resolve(marker))) {
                    return dir;
                }
            }
        }
        Path folder = absolute.getParent();
        Path above = folder == null ? null : folder.getParent();
        boolean inMigrations = folder != null && folder.getFileName() != null
                && folder.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("migration");
        return inMigrations && above != null && above.getParent() != null && !above.equals(home) ? above : null;
    }

    private static Path homeFolder() {
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home).toAbsolutePath().normalize();
    }
}
