package dev.miglint.project;

import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An immutable snapshot of a workspace's migrations: which files there are (DESIGN.md §3), the
 * histories they form, each in run order, every file parsed, and the schema each file starts from.
 * Changing a file returns a new snapshot that shares every parsed file it did not touch and
 * replays only the files after it in its history; snapshots can be read from any thread.
 * Paths are absolute and normalised; {@link FileContext#path()} and schema origins use their text.
 */
public final class Workspace {

    /** Told how far a scan has got; called from worker threads, {@code done} rising to {@code total}. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {
        };

        void scanned(int done, int total);
    }

    /**
     * One indexed migration.
     *
     * @param file          the parsed text, or null when it could not be read ({@code problem} says why)
     * @param schemaAtStart the schema the files before it in its history leave
     * @param schemaAfter   the schema it leaves for the next file
     */
    public record Entry(Path path, SqlFile file, String problem, Settings settings, Runner runner,
                        SchemaModel schemaAtStart, SchemaModel schemaAfter) {

        public FileContext context() {
            return new FileContext(path.toString(), settings, runner, schemaAtStart);
        }

        Entry startingFrom(SchemaModel schema) {
            FileContext context = new FileContext(path.toString(), settings, runner, schema);
            SchemaModel after = file == null ? schema : Analyzer.replay(file, context);
            return new Entry(path, file, problem, settings, runner, schema, after);
        }
    }

    private final List<Path> roots;
    private final ConfigResolver configs;
    private final Map<Path, Entry> entries;
    /** History folder → its files in run order. */
    private final Map<Path, List<Path>> histories;

    private Workspace(List<Path> roots, ConfigResolver configs, Map<Path, Entry> entries,
                      Map<Path, List<Path>> histories) {
        this.roots = roots;
        this.configs = configs;
        this.entries = entries;
        this.histories = histories;
    }

    public static Workspace scan(List<Path> roots, ConfigResolver configs) {
        return scan(roots, configs, Progress.NONE);
    }

    /** Finds, reads, parses and replays the migrations under {@code roots}; histories in parallel. */
    public static Workspace scan(List<Path> roots, ConfigResolver configs, Progress progress) {
        List<Path> absoluteRoots = roots.stream().map(Workspace::normal).distinct().toList();
        Map<Path, List<Path>> grouped = new LinkedHashMap<>();
        for (Path root : absoluteRoots) {
            for (Path file : Discovery.find(root, configs)) {
                List<Path> history = grouped.computeIfAbsent(MigrationOrder.historyOf(file), h -> new ArrayList<>());
                if (!history.contains(file)) {
                    history.add(file);
                }
            }
        }
        Map<Path, List<Path>> histories = new LinkedHashMap<>();
        grouped.forEach((folder, files) -> histories.put(folder, MigrationOrder.sort(files)));
        int total = histories.values().stream().mapToInt(List::size).sum();
        AtomicInteger done = new AtomicInteger();
        progress.scanned(0, total);
        List<List<Entry>> built = histories.values().parallelStream().map(history -> {
            List<Entry> out = new ArrayList<>(history.size());
            SchemaModel schema = SchemaModel.EMPTY;
            for (Path path : history) {
                Entry entry = read(path, SourceText.read(path), configs).startingFrom(schema);
                schema = entry.schemaAfter();
                out.add(entry);
                progress.scanned(done.incrementAndGet(), total);
            }
            return out;
        }).toList();
        Map<Path, Entry> entries = new HashMap<>(total * 2);
        built.forEach(list -> list.forEach(e -> entries.put(e.path(), e)));
        return new Workspace(absoluteRoots, configs, Collections.unmodifiableMap(entries),
                Collections.unmodifiableMap(histories));
    }

    private static Entry read(Path path, SourceText source, ConfigResolver configs) {
        Settings settings = configs.settingsFor(path);
        Runner runner = settings.runnerOr(Runners.detect(path));
        if (source.text() == null) {
            return new Entry(path, null, source.problem(), settings, runner, SchemaModel.EMPTY, SchemaModel.EMPTY);
        }
        try {
            return new Entry(path, SqlFile.parse(source.text()), null, settings, runner, SchemaModel.EMPTY,
                    SchemaModel.EMPTY);
        } catch (RuntimeException | StackOverflowError e) {
            return new Entry(path, null, "miglint could not read this file (" + e + "); please report it", settings,
                    runner, SchemaModel.EMPTY, SchemaModel.EMPTY);
        }
    }

    /**
     * This workspace with {@code text} as the content of {@code path} (an editor's unsaved text wins
     * over the disk). A migration not yet indexed joins its history; any other file is left out and
     * this snapshot is returned.
     */
    public Workspace withFile(Path path, String text) {
        Path file = normal(path);
        if (!entries.containsKey(file) && !isMigration(file)) {
            return this;
        }
        return with(read(file, SourceText.of(text), configs));
    }

    /** As {@link #withFile(Path, String)} with the text on disk: for a file closed in the editor or changed on disk. */
    public Workspace withDiskFile(Path path) {
        Path file = normal(path);
        if (!entries.containsKey(file) && !isMigration(file)) {
            return this;
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            return withoutFile(file);
        }
        return with(read(file, SourceText.read(file), configs));
    }

    /** This workspace without {@code path}: the files after it in its history are replayed. */
    public Workspace withoutFile(Path path) {
        Path file = normal(path);
        if (!entries.containsKey(file)) {
            return this;
        }
        Path folder = MigrationOrder.historyOf(file);
        List<Path> order = new ArrayList<>(histories.get(folder));
        int at = order.indexOf(file);
        order.remove(at);
        Map<Path, Entry> copy = new HashMap<>(entries);
        copy.remove(file);
        Map<Path, List<Path>> newHistories = new LinkedHashMap<>(histories);
        if (order.isEmpty()) {
            newHistories.remove(folder);
        } else {
            newHistories.put(folder, List.copyOf(order));
            replayFrom(order, at, copy);
        }
        return new Workspace(roots, configs, Collections.unmodifiableMap(copy),
                Collections.unmodifiableMap(newHistories));
    }

    private Workspace with(Entry entry) {
        Path file = entry.path();
        Path folder = MigrationOrder.historyOf(file);
        Map<Path, List<Path>> newHistories = histories;
        List<Path> order = histories.getOrDefault(folder, List.of());
        if (!entries.containsKey(file)) {
            List<Path> grown = new ArrayList<>(order);
            grown.add(file);
            order = MigrationOrder.sort(grown);
            newHistories = new LinkedHashMap<>(histories);
            newHistories.put(folder, List.copyOf(order));
            newHistories = Collections.unmodifiableMap(newHistories);
        }
        Map<Path, Entry> copy = new HashMap<>(entries);
        copy.put(file, entry);
        replayFrom(order, order.indexOf(file), copy);
        return new Workspace(roots, configs, Collections.unmodifiableMap(copy), newHistories);
    }

    /**
     * Replays {@code order} from position {@code from} on, in {@code entries}; stops early once a file
     * starts from the same schema as before, since nothing after it can change then.
     */
    private static void replayFrom(List<Path> order, int from, Map<Path, Entry> entries) {
        SchemaModel schema = from == 0 ? SchemaModel.EMPTY : entries.get(order.get(from - 1)).schemaAfter();
        for (int i = from; i < order.size(); i++) {
            Entry old = entries.get(order.get(i));
            if (i > from && (old.schemaAtStart() == schema || old.schemaAtStart().tables().equals(schema.tables()))) {
                return;
            }
            Entry now = old.startingFrom(schema);
            entries.put(now.path(), now);
            schema = now.schemaAfter();
        }
    }

    private boolean isMigration(Path file) {
        for (Path root : roots) {
            if (file.startsWith(root)) {
                return Discovery.isMigration(root, file, configs);
            }
        }
        return false;
    }

    /**
     * What analysing {@code path} needs: for an indexed file its place in its history; for any other
     * file a standalone context with its configured settings and detected runner.
     */
    public FileContext contextFor(Path path) {
        Path file = normal(path);
        Entry entry = entries.get(file);
        if (entry != null) {
            return entry.context();
        }
        Settings settings = configs.settingsFor(file);
        return new FileContext(file.toString(), settings, settings.runnerOr(Runners.detect(file)), SchemaModel.EMPTY);
    }

    /** The files of the history {@code path} belongs to, in run order; empty when it is not indexed. */
    public List<Path> historyOf(Path path) {
        Path file = normal(path);
        return entries.containsKey(file) ? histories.get(MigrationOrder.historyOf(file)) : List.of();
    }

    public Optional<Entry> entry(Path path) {
        return Optional.ofNullable(entries.get(normal(path)));
    }

    /** The parsed file as this snapshot holds it (editor text where one was given). */
    public Optional<SqlFile> file(Path path) {
        return entry(path).map(Entry::file);
    }

    public boolean contains(Path path) {
        return entries.containsKey(normal(path));
    }

    /** Every history, each in run order. */
    public Map<Path, List<Path>> histories() {
        return histories;
    }

    public int size() {
        return entries.size();
    }

    public List<Path> roots() {
        return roots;
    }

    /**
     * The files whose parse or starting schema differ from {@code older}'s: what the server re-analyses
     * after an edit (the edited file and the later files of its history whose schema moved).
     */
    public List<Path> changedSince(Workspace older) {
        List<Path> changed = new ArrayList<>();
        for (List<Path> order : histories.values()) {
            for (Path p : order) {
                if (older.entries.get(p) != entries.get(p)) {
                    changed.add(p);
                }
            }
        }
        return changed;
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
