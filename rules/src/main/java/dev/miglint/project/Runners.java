package dev.miglint.project;

import dev.miglint.config.Runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Detects the runner from where a migration file lives, where that is obvious. */
public final class Runners {

    private static final Pattern FLYWAY = Pattern.compile("[VU]\\d+(?:[._]\\d+)*__.+\\.sql", Pattern.CASE_INSENSITIVE);

    private Runners() {
    }

    public static Runner detect(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null) {
            return Runner.NONE;
        }
        if (Files.isRegularFile(folder.resolve("meta").resolve("_journal.json"))
                || folder.getParent() != null && Files.isRegularFile(folder.getParent().resolve("meta").resolve("_journal.json"))) {
            return Runner.DRIZZLE;
        }
        if (file.getFileName().toString().endsWith(".py")) {
            return Runner.ALEMBIC; // a revision runs inside the transaction Alembic opens
        }
        if (FLYWAY.matcher(file.getFileName().toString()).matches()) {
            return Runner.FLYWAY;
        }
        if (folder.getParent() != null && Files.isRegularFile(folder.getParent().resolve("migration_lock.toml"))) {
            return Runner.PRISMA;
        }
        String path = folder.toString().replace('\\', '/');
        if (path.endsWith("/supabase/migrations") || path.contains("/supabase/migrations/")) {
            return Runner.SUPABASE;
        }
        return Runner.NONE;
    }
}
