package dev.miglint.project;

import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.drizzle.DrizzleFolder;
import dev.miglint.rules.Analysis;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Severity;
import dev.miglint.rules.drizzle.DrizzleChecks;
import dev.miglint.rules.meta.InternalError;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;
import dev.miglint.text.Span;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * SQL migration histories: the {@code .sql} files of one history folder (DESIGN.md §3), in run order,
 * each analysed against the schema the files before it leave. Every step is kept until its text, its
 * settings or the schema it starts from change, so an edit re-analyses the edited file and, when asked,
 * the files after it; the files before it are not touched again. A Drizzle folder's journal and
 * snapshots are checked once per change of what they depend on.
 */
final class SqlHistories {

    /**
     * One file's step in its history.
     *
     * @param text     the text analysed, or null when the file could not be read ({@code problem} says why)
     * @param analysis the findings of the statement rules, or null when unreadable or when analysis failed
     * @param internal a bug of ours while analysing, reported instead of the findings; else null
     */
    record Step(Path path, String text, String problem, SqlFile file, FileContext context, Analysis analysis,
                Finding internal, SchemaModel schemaAfter) {
    }

    /**
     * A history folder's files in run order, with the settings and runner of each, for one set of
     * folder listings (kept by identity: the sources hand out the same listing until the folder changes).
     */
    private record Members(List<List<Path>> listings, Path also, List<Path> ordered, Map<Path, Settings> settings,
                           Map<Path, Runner> runners) {
    }

    private record Parse(String text, SqlFile file) {
    }

    private record FolderChecks(long version, String journal, List<Path> members, Map<Path, List<Finding>> findings) {
    }

    /** A step as judged at one version of the inputs: within that version, asked again, it holds. */
    private record Judged(long version, Step step) {
    }

    private final Inputs in;
    private final Map<Path, Judged> judged = new ConcurrentHashMap<>();
    private final Map<Path, Parse> parses = new ConcurrentHashMap<>();
    private final Map<Path, Step> steps = new ConcurrentHashMap<>();
    private final Map<Path, Members> members = new ConcurrentHashMap<>();
    private final Map<Path, FolderChecks> folders = new ConcurrentHashMap<>();

    SqlHistories(Inputs in) {
        this.in = in;
    }

    static Path historyOf(Path file) {
        return MigrationOrder.historyOf(file);
    }

    /** {@code file}'s step: the files of its history before it replayed, then it analysed. */
    Step step(Path file) {
        if (in.recheck()) {
            // the editor: what leads to this file, judged afresh on every ask
            return replay(members(historyOf(file), file), file, s -> { });
        }
        // One run: the whole history is replayed once; each of its files asked for afterwards is known
        // (without listing its folder again: a Prisma history lists hundreds of sub-folders).
        long version = in.version();
        Judged known = judged.get(file);
        if (known == null || known.version() != version) {
            judgeAll(members(historyOf(file), file), version);
            known = judged.get(file);
        }
        return known.step();
    }

    /** The schema the whole history of {@code folder} builds. */
    SchemaModel finalSchema(Path folder) {
        Step last = replay(members(folder, null), null, s -> { });
        return last == null ? SchemaModel.EMPTY : last.schemaAfter();
    }

    /**
     * The schema a Drizzle migrations folder builds as its migrator applies it: up to the last file its
     * journal lists (files the journal does not list are never applied).
     */
    SchemaModel journalSchema(Path folder) {
        var tags = MigrationOrder.tags(journalText(folder.resolve("meta").resolve("_journal.json")));
        List<Step> steps = new ArrayList<>();
        replay(members(folder, null), null, steps::add);
        SchemaModel applied = SchemaModel.EMPTY;
        for (Step s : steps) {
            if (tags.isEmpty() || tags.containsKey(tagOf(s.path()))) {
                applied = s.schemaAfter();
            }
        }
        return applied;
    }

    /**
     * A run judges a whole history: its files are parsed on both cores, the schema each starts from is
     * replayed in order without the rules (a tenth of the work), then the files are judged on both cores.
     */
    private void judgeAll(Members history, long version) {
        List<Path> files = history.ordered();
        files.parallelStream().forEach(this::parseQuietly);
        List<SchemaModel> starts = new ArrayList<>(files.size());
        SchemaModel schema = SchemaModel.EMPTY;
        for (Path p : files) {
            starts.add(schema);
            schema = schemaAfter(p, schema, history);
        }
        IntStream.range(0, files.size()).parallel().forEach(i ->
                judged.put(files.get(i), new Judged(version, stepAt(files.get(i), starts.get(i), history))));
    }

    /** What {@link #stepAt} would give as the schema after {@code p}, without running the rules. */
    private SchemaModel schemaAfter(Path p, SchemaModel start, Members history) {
        String text = in.sources.text(p).text();
        if (text == null) {
            return start;
        }
        try {
            return schemaAfterOr(parse(p, text), context(p, start, history));
        } catch (RuntimeException | StackOverflowError e) {
            return start; // analyse() reports it on the file
        }
    }

    /** The schema the file leaves, or the one it started from when even the replay fails. */
    private static SchemaModel schemaAfterOr(SqlFile file, FileContext context) {
        try {
            return Analyzer.schemaAfter(file, context);
        } catch (RuntimeException | StackOverflowError e) {
            return context.schemaAtStart();
        }
    }

    private static FileContext context(Path p, SchemaModel start, Members history) {
        return new FileContext(p.toString(), history.settings().get(p), history.runners().get(p), start);
    }

    /** Replays {@code history} in run order up to {@code until} (null: all), each file against the schema the ones before built. */
    private Step replay(Members history, Path until, Consumer<Step> each) {
        SchemaModel schema = SchemaModel.EMPTY;
        Step s = null;
        for (Path p : history.ordered()) {
            s = stepAt(p, schema, history);
            each.accept(s);
            if (p.equals(until)) {
                break;
            }
            schema = s.schemaAfter();
        }
        return s;
    }

    private void parseQuietly(Path p) {
        String text = in.sources.text(p).text();
        if (text != null) {
            try {
                parse(p, text);
            } catch (RuntimeException | StackOverflowError e) {
                // analyse() reports it on the file
            }
        }
    }

    /** A migration's journal tag: its file name without .sql, or its folder's name for {@code <tag>/migration.sql}. */
    private static String tagOf(Path file) {
        String name = file.getFileName().toString();
        if (name.equals("migration.sql") && file.getParent() != null) {
            return file.getParent().getFileName().toString();
        }
        return name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    }

    /** The files of the history {@code folder} in run order ({@code also} joins it when the filters leave it out). */
    List<Path> ordered(Path folder, Path also) {
        return members(folder, also).ordered();
    }

    private Members members(Path folder, Path also) {
        List<List<Path>> listings = new ArrayList<>();
        listings(folder, listings);
        Members kept = members.get(folder);
        if (kept != null && sameListings(kept.listings(), listings)
                && (also == null || kept.ordered().contains(also) || also.equals(kept.also()))) {
            return kept;
        }
        ConfigResolver configs = in.configs();
        List<Path> listed = new ArrayList<>();
        for (List<Path> files : listings) {
            for (Path p : files) {
                if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql") && configs.includes(p)) {
                    listed.add(p);
                }
            }
        }
        if (also != null && !listed.contains(also)) {
            listed.add(also);
        }
        List<Path> ordered = MigrationOrder.sort(listed, this::journalText);
        Map<Path, Settings> settings = new ConcurrentHashMap<>();
        Map<Path, Runner> runners = new ConcurrentHashMap<>();
        for (Path p : ordered) {
            Settings s = configs.settingsFor(p);
            settings.put(p, s);
            runners.put(p, s.runnerOr(Runners.detect(p)));
        }
        Members now = new Members(listings, also, ordered, settings, runners);
        members.put(folder, now);
        return now;
    }

    /** The file listings of {@code folder} and of its numbered sub-folders: where its history's files are. */
    private void listings(Path folder, List<List<Path>> out) {
        out.add(in.sources.files(folder));
        for (Path sub : in.sources.folders(folder)) {
            String name = sub.getFileName().toString();
            if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
                listings(sub, out);
            }
        }
    }

    private static boolean sameListings(List<List<Path>> a, List<List<Path>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private String journalText(Path journal) {
        return in.sources.exists(journal) ? in.sources.text(journal).text() : null;
    }

    private Step stepAt(Path p, SchemaModel start, Members history) {
        String text = in.sources.text(p).text();
        Settings settings = history.settings().get(p);
        Runner runner = history.runners().get(p);
        Step old = steps.get(p);
        if (old != null && Objects.equals(old.text(), text) && old.context().runner() == runner
                && old.context().settings().equals(settings) && sameSchema(old.context().schemaAtStart(), start)) {
            return old;
        }
        Step now = analyse(p, in.sources.text(p), context(p, start, history));
        steps.put(p, now);
        return now;
    }

    private static boolean sameSchema(SchemaModel a, SchemaModel b) {
        return a == b || a.tables().equals(b.tables());
    }

    private Step analyse(Path p, SourceText source, FileContext context) {
        if (source.text() == null) {
            return new Step(p, null, source.problem(), null, context, null, null, context.schemaAtStart());
        }
        SqlFile file;
        try {
            file = parse(p, source.text());
        } catch (RuntimeException | StackOverflowError e) {
            return new Step(p, source.text(), null, null, context, null, internal("miglint could not read this file ("
                    + e + "); please report it"), context.schemaAtStart());
        }
        try {
            Analysis analysis = in.analyzer.analyze(file, context);
            return new Step(p, source.text(), null, file, context, analysis, null, analysis.schemaAfter());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours on one file must not cost the user the report on the others; the files after
            // it start from the schema it leaves, as in a run that replays before judging (judgeAll).
            return new Step(p, source.text(), null, file, context, null, internal("miglint could not analyse this file ("
                    + e + "); please report it"), schemaAfterOr(file, context));
        }
    }

    private SqlFile parse(Path p, String text) {
        Parse kept = parses.get(p);
        if (kept != null && kept.text().equals(text)) {
            return kept.file();
        }
        in.sqlParses.incrementAndGet();
        // In the editor the text before an edit was parsed already: only what follows the edit is parsed again.
        SqlFile file = kept == null ? SqlFile.parse(text) : SqlFile.reparse(kept.file(), text);
        parses.put(p, new Parse(text, file));
        return file;
    }

    private static Finding internal(String message) {
        return new Finding(InternalError.ID, Severity.ERROR, message, "This is a bug in miglint, not in your migration.",
                new Span(0, 0), List.of());
    }

    /**
     * The Drizzle folder checks of {@code folder} (journal against files, journal order, snapshot chain)
     * by the file they are shown on; empty when the folder has no journal.
     */
    Map<Path, List<Finding>> folderFindings(Path folder) {
        Path journal = folder.resolve("meta").resolve("_journal.json");
        if (!in.sources.exists(journal)) {
            return Map.of();
        }
        FolderChecks kept = folders.get(folder);
        if (kept != null && !in.recheck() && kept.version() == in.version()) {
            return kept.findings(); // a run asks once per file of the folder; nothing changed in between
        }
        String journalText = journalText(journal);
        List<Path> listed = ordered(folder, null);
        if (kept != null && Objects.equals(kept.journal(), journalText) && kept.members().equals(listed)) {
            folders.put(folder, new FolderChecks(in.version(), journalText, listed, kept.findings()));
            return kept.findings();
        }
        Map<Path, List<Finding>> findings;
        try {
            in.folderChecks.incrementAndGet();
            findings = DrizzleChecks.check(DrizzleFolder.scan(folder), this::textOrFail);
        } catch (IOException | UncheckedIOException e) {
            findings = Map.of();
        }
        folders.put(folder, new FolderChecks(in.version(), journalText, listed, findings));
        return findings;
    }

    private String textOrFail(Path file) {
        String text = in.sources.text(file).text();
        if (text == null) {
            throw new UncheckedIOException(new IOException("cannot read " + file));
        }
        return text;
    }

    void clear() {
        judged.clear();
        parses.clear();
        steps.clear();
        members.clear();
        folders.clear();
    }
}
