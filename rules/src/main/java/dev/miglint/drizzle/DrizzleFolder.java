package dev.miglint.drizzle;

import dev.miglint.text.NaturalOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A drizzle migrations folder as found on disk, in one of drizzle-kit's two layouts.
 *
 * @param journal    {@code meta/_journal.json}, empty when the folder has none
 * @param migrations the migration files, sorted by name with numbers compared as numbers
 */
public record DrizzleFolder(Path root, Layout layout, Optional<Path> journal, List<Migration> migrations) {

    /** A file name drizzle-kit generates: a number (index or timestamp), an underscore, a name. */
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)_.*");

    public enum Layout {
        /** drizzle-kit 0.x: {@code NNNN_name.sql}, {@code meta/_journal.json}, {@code meta/NNNN_snapshot.json}. */
        FLAT,
        /** drizzle-kit 1.x: {@code <tag>/migration.sql} and {@code <tag>/snapshot.json}, ordered by folder name. */
        FOLDERS
    }

    /** One migration: its tag (the journal's name for it) and its SQL file. */
    public record Migration(String tag, Path sql) {

        /** The leading digits of the tag: drizzle-kit's idx or timestamp prefix; empty when there are none. */
        public String number() {
            Matcher m = NUMBERED.matcher(tag);
            return m.matches() ? m.group(1) : "";
        }
    }

    public DrizzleFolder {
        migrations = List.copyOf(migrations);
    }

    public static DrizzleFolder scan(Path root) throws IOException {
        Path journal = root.resolve("meta").resolve("_journal.json");
        Optional<Path> journalFile = Files.isRegularFile(journal) ? Optional.of(journal) : Optional.empty();
        List<Migration> flat = flatMigrations(root);
        List<Migration> folders = folderMigrations(root);
        boolean useFolders = !folders.isEmpty() && (flat.isEmpty() || journalFile.isEmpty());
        return new DrizzleFolder(root, useFolders ? Layout.FOLDERS : Layout.FLAT, journalFile,
                useFolders ? folders : flat);
    }

    /** Where the migration with this tag keeps its SQL. */
    public Path sqlOf(String tag) {
        return layout == Layout.FLAT ? root.resolve(tag + ".sql") : root.resolve(tag).resolve("migration.sql");
    }

    /** Where drizzle-kit writes the snapshot taken after the migration with this tag. */
    public Path snapshotOf(String tag) {
        if (layout == Layout.FOLDERS) {
            return root.resolve(tag).resolve("snapshot.json");
        }
        int cut = tag.indexOf('_');
        return root.resolve("meta").resolve((cut < 0 ? tag : tag.substring(0, cut)) + "_snapshot.json");
    }

    private static List<Migration> flatMigrations(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sql") && NUMBERED.matcher(n).matches())
                    .map(n -> new Migration(n.substring(0, n.length() - 4), root.resolve(n)))
                    .sorted((a, b) -> NaturalOrder.PATHS.compare(a.sql(), b.sql()))
                    .toList();
        }
    }

    private static List<Migration> folderMigrations(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("migration.sql")))
                    .map(d -> new Migration(d.getFileName().toString(), d.resolve("migration.sql")))
                    .sorted((a, b) -> NaturalOrder.PATHS.compare(a.sql(), b.sql()))
                    .toList();
        }
    }
}
