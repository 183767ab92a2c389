package dev.miglint.lsp;

import dev.miglint.config.Settings;
import dev.miglint.project.ConfigResolver;
import dev.miglint.project.History;
import dev.miglint.project.MigrationOrder;
import dev.miglint.project.Runners;
import dev.miglint.rules.FileContext;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For now: a document's schema at start is the replay of the files before it in its history, as
 * they are on disk. A history's replay is kept until {@link #invalidate()} (a save, a watched-file
 * change or a settings change), so typing costs no disk reads.
 */
final class DiskHistory implements ProjectContexts {

    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "target", ".git", ".venv", "venv",
            "__pycache__");
    /** A history folder with more files than this is not replayed (the document is still analysed alone). */
    private static final int MAX_FILES = 5_000;

    private final ConfigResolver configs;
    /** History folder → each of its files (absolute, normalised) → the schema before that file. */
    private final Map<Path, Map<Path, SchemaModel>> replays = new ConcurrentHashMap<>();

    DiskHistory(ConfigResolver configs) {
        this.configs = configs;
    }

    @Override
    public FileContext contextFor(Path path) {
        if (path == null) {
            return FileContext.standalone("");
        }
        Path file = path.toAbsolutePath().normalize();
        Settings settings = configs.settingsFor(file);
        SchemaModel before = replays.computeIfAbsent(MigrationOrder.historyOf(file), this::replay)
                .getOrDefault(file, SchemaModel.EMPTY);
        return new FileContext(file.toString(), settings, settings.runnerOr(Runners.detect(file)), before);
    }

    @Override
    public void invalidate() {
        replays.clear();
    }

    private Map<Path, SchemaModel> replay(Path history) {
        List<Path> files = MigrationOrder.sort(sqlFilesUnder(history).stream().filter(configs::includes).toList());
        List<History.Entry> entries = new ArrayList<>(files.size());
        for (Path f : files) {
            entries.add(new History.Entry(f.toString(), parse(f), configs.settingsFor(f), Runners.detect(f)));
        }
        List<FileContext> contexts = History.contexts(entries);
        Map<Path, SchemaModel> before = new ConcurrentHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            before.put(files.get(i), contexts.get(i).schemaAtStart());
        }
        return before;
    }

    private static SqlFile parse(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.indexOf('\0') >= 0 ? null : SqlFile.parse(text);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null; // unreadable or not UTF-8: it adds nothing to the schema
        }
    }

    /** The .sql files in the history folder and the version-named folders under it. */
    private static List<Path> sqlFilesUnder(Path history) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(history)) {
            return found;
        }
        try {
            Files.walkFileTree(history, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(history)) {
                        return FileVisitResult.CONTINUE;
                    }
                    // Only folders that belong to this history: named by a version or timestamp.
                    String name = dir.getFileName().toString();
                    boolean versioned = !name.isEmpty() && Character.isDigit(name.charAt(0));
                    return versioned && !SKIPPED_DIRS.contains(name) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
                        found.add(file.toAbsolutePath().normalize());
                    }
                    return found.size() > MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        return found.size() > MAX_FILES ? List.of() : found;
    }
}
