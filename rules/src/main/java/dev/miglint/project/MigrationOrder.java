package dev.miglint.project;

import dev.miglint.text.NaturalOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order in which a folder's migrations run (DESIGN.md §3): a Drizzle folder follows its
 * {@code meta/_journal.json}; everything else sorts by path with numbers compared as numbers, so
 * Flyway's {@code V1_10} comes after {@code V1_9} and boundary's {@code 10/} after {@code 9/};
 * Flyway repeatable {@code R__} scripts run after the versioned ones.
 */
public final class MigrationOrder {

    private static final Pattern JOURNAL_TAG = Pattern.compile("\"tag\"\\s*:\\s*\"([^\"\\\\]*)\"");
    private static final Pattern FLYWAY_REPEATABLE = Pattern.compile("R__.*\\.sql", Pattern.CASE_INSENSITIVE);

    /** Paths compared chunk by chunk, digit runs by value. */
    public static final Comparator<Path> NATURAL = NaturalOrder.PATHS;

    private MigrationOrder() {
    }

    /**
     * The folder whose files form one migration history: the file's folder, or above it while
     * folders are named by a version or timestamp (Prisma's {@code migrations/<ts>_name/migration.sql},
     * boundary's {@code postgres/<n>/…}, Drizzle's newer {@code <tag>/migration.sql}).
     */
    public static Path historyOf(Path file) {
        Path folder = file.getParent();
        while (folder != null && folder.getParent() != null && folder.getFileName() != null
                && !folder.getFileName().toString().isEmpty()
                && Character.isDigit(folder.getFileName().toString().charAt(0))) {
            folder = folder.getParent();
        }
        return folder == null ? Path.of("") : folder;
    }

    public static List<Path> sort(List<Path> files) {
        return sort(files, MigrationOrder::readJournalText);
    }

    /** As {@link #sort(List)}, reading each folder's journal through {@code journalText} (null: none). */
    public static List<Path> sort(List<Path> files, Function<Path, String> journalText) {
        Map<Path, Integer> journalRank = journalRanks(files, journalText);
        List<SortKey> keys = new ArrayList<>(files.size());
        for (Path p : files) {
            keys.add(new SortKey(p, p.getParent() == null ? "" : p.getParent().toString(),
                    FLYWAY_REPEATABLE.matcher(p.getFileName().toString()).matches(),
                    journalRank.getOrDefault(p, Integer.MAX_VALUE), p.toString()));
        }
        keys.sort(Comparator.comparing(SortKey::folder, MigrationOrder::compareNatural)
                .thenComparing(SortKey::repeatable)
                .thenComparingInt(SortKey::journalRank)
                .thenComparing(SortKey::path, MigrationOrder::compareNatural));
        return keys.stream().map(SortKey::file).toList();
    }

    /** What files are ordered by, computed once per file rather than once per comparison. */
    private record SortKey(Path file, String folder, boolean repeatable, int journalRank, String path) {
    }

    /** Rank of each file listed in its folder's Drizzle journal (idx order). */
    private static Map<Path, Integer> journalRanks(List<Path> files, Function<Path, String> journalText) {
        Map<Path, Integer> ranks = new HashMap<>();
        Map<Path, Map<String, Integer>> journals = new LinkedHashMap<>();
        for (Path file : files) {
            Path folder = file.getParent();
            if (folder == null) {
                continue;
            }
            Map<String, Integer> tags = journals.computeIfAbsent(folder,
                    f -> tags(journalText.apply(f.resolve("meta").resolve("_journal.json"))));
            String name = file.getFileName().toString();
            String tag = name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
            Integer rank = tags.get(tag);
            if (rank != null) {
                ranks.put(file, rank);
            }
        }
        return ranks;
    }

    /** Tag → position in {@code folder/meta/_journal.json}; empty when there is none or it is unreadable. */
    static Map<String, Integer> readJournal(Path folder) {
        return tags(readJournalText(folder.resolve("meta").resolve("_journal.json")));
    }

    private static String readJournalText(Path journal) {
        if (!Files.isRegularFile(journal)) {
            return null;
        }
        try {
            return Files.readString(journal, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null; // a broken journal is the Drizzle rules' business; order by name
        }
    }

    /**
     * drizzle-kit writes the entries in idx order; their "tag" values are all that ordering needs, read
     * without a JSON library so a CLI run does not pay for loading one.
     */
    static Map<String, Integer> tags(String journal) {
        if (journal == null) {
            return Map.of();
        }
        Matcher tag = JOURNAL_TAG.matcher(journal);
        Map<String, Integer> tags = new HashMap<>();
        int position = 0;
        while (tag.find()) {
            tags.putIfAbsent(tag.group(1), position++);
        }
        return tags;
    }

    static int compareNatural(String a, String b) {
        return NaturalOrder.compare(a, b);
    }
}
