package dev.miglint.project;

import dev.miglint.alembic.AlembicReader;
import dev.miglint.alembic.AlembicVersion;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.alembic.RevisionGraph;
import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.rules.Analysis;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Severity;
import dev.miglint.rules.alembic.AlembicAnalyzer;
import dev.miglint.rules.alembic.AlembicHistory;
import dev.miglint.rules.meta.InternalError;
import dev.miglint.schema.SchemaModel;
import dev.miglint.text.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Alembic histories: the revisions of one folder, in the order their revision graph runs them (file
 * names are hashes, so name order means nothing), each analysed against the schema the revisions
 * before it build; the graph's findings (heads, broken chains) and the project's Alembic version.
 * Each revision is read once per text, each step kept until its inputs change.
 */
final class AlembicHistories {

    /** One revision's step; {@code analysis} is null when analysis failed ({@code internal} says how). */
    record Step(Path path, String text, RevisionFile revision, FileContext context, AlembicVersion.Version version,
                Analysis analysis, Finding internal, SchemaModel schemaAfter) {
    }

    /** A file read as a revision, with the findings of the rules that need only it (computed on first use). */
    private static final class Read {
        final String text;
        final RevisionFile revision;
        volatile List<Finding> ownFindings;

        Read(String text, RevisionFile revision) {
            this.text = text;
            this.revision = revision;
        }
    }

    /** A folder's revisions: the graph of one set of texts, its run order and its findings by file. */
    private record Graph(List<RevisionGraph.Entry> entries, List<Path> ordered, Map<Path, List<Finding>> findings,
                         Map<Path, Settings> settings, Map<Path, Runner> runners) {
    }

    private record Pinned(long readAt, AlembicVersion.Version version) {
    }

    /** A step as judged at one version of the inputs: within that version, asked again, it holds. */
    private record Judged(long version, Step step) {
    }

    private final Inputs in;
    private final Map<Path, Judged> judged = new ConcurrentHashMap<>();
    private final Map<Path, Read> reads = new ConcurrentHashMap<>();
    private final Map<Path, Step> steps = new ConcurrentHashMap<>();
    private final Map<Path, Graph> graphs = new ConcurrentHashMap<>();
    private final Map<Path, Pinned> versions = new ConcurrentHashMap<>();

    AlembicHistories(Inputs in) {
        this.in = in;
    }

    /** The folder whose revisions form {@code revision}'s history. */
    static Path historyOf(Path revision) {
        return revision.getParent();
    }

    /** {@code file} read as a revision, or null when it is not one (or cannot be read). */
    RevisionFile revision(Path file) {
        String text = in.sources.text(file).text();
        if (text == null) {
            return null;
        }
        Read kept = reads.get(file);
        if (kept != null && kept.text.equals(text)) {
            return kept.revision;
        }
        in.pythonReads.incrementAndGet();
        RevisionFile revision = AlembicReader.read(text) instanceof RevisionFile r ? r : null;
        reads.put(file, new Read(text, revision));
        return revision;
    }

    /** {@code file}'s step: the revisions before it in run order replayed, then it analysed; null when it is not a revision. */
    Step step(Path file) {
        Graph graph = graph(historyOf(file));
        if (!graph.ordered().contains(file)) {
            return null;
        }
        if (in.recheck()) {
            return replay(graph, file, s -> { }); // the editor: what leads to this file, judged afresh on every ask
        }
        // One run: the whole history is replayed once; each of its revisions asked for afterwards is known.
        long version = in.version();
        Judged known = judged.get(file);
        if (known == null || known.version() != version) {
            replay(graph, null, s -> judged.put(s.path(), new Judged(version, s)));
            known = judged.get(file);
        }
        return known.step();
    }

    /** The schema the whole history of {@code folder} builds. */
    SchemaModel finalSchema(Path folder) {
        Step last = replay(graph(folder), null, s -> { });
        return last == null ? SchemaModel.EMPTY : last.schemaAfter();
    }

    /** Replays {@code graph}'s revisions in run order up to {@code until} (null: all), each against the schema the ones before built. */
    private Step replay(Graph graph, Path until, Consumer<Step> each) {
        SchemaModel schema = SchemaModel.EMPTY;
        Step s = null;
        for (Path p : graph.ordered()) {
            s = stepAt(p, schema, graph);
            each.accept(s);
            if (p.equals(until)) {
                break;
            }
            schema = s.schemaAfter();
        }
        return s;
    }

    /** The revision files of {@code folder} in run order. */
    List<Path> ordered(Path folder) {
        return graph(folder).ordered();
    }

    /** The graph and revision rules' findings of {@code file} (not yet at configured levels), in text order. */
    List<Finding> historyFindings(Path file) {
        List<Finding> out = new ArrayList<>(graph(historyOf(file)).findings().getOrDefault(file, List.of()));
        Read read = reads.get(file);
        if (read != null && read.revision != null) {
            if (read.ownFindings == null) {
                read.ownFindings = AlembicHistory.checkFile(read.revision);
            }
            out.addAll(read.ownFindings);
        }
        out.sort(Finding.IN_TEXT_ORDER);
        return out;
    }

    private Graph graph(Path folder) {
        List<RevisionGraph.Entry> entries = new ArrayList<>();
        for (Path p : in.sources.files(folder)) {
            String name = p.getFileName().toString();
            if (name.endsWith(".py") && !name.equals("__init__.py")) {
                RevisionFile r = revision(p);
                if (r != null) {
                    entries.add(new RevisionGraph.Entry(p, r));
                }
            }
        }
        Graph kept = graphs.get(folder);
        if (kept != null && sameEntries(kept.entries(), entries)) {
            return kept;
        }
        RevisionGraph graph = RevisionGraph.of(entries);
        Set<Path> ordered = new LinkedHashSet<>();
        for (String id : graph.runOrder()) {
            RevisionGraph.Entry e = graph.revisions().get(id);
            if (e != null) {
                ordered.add(e.path());
            }
        }
        entries.forEach(e -> ordered.add(e.path())); // outside the graph (cycles): after it, in name order
        Map<Path, Settings> settings = new ConcurrentHashMap<>();
        Map<Path, Runner> runners = new ConcurrentHashMap<>();
        for (Path p : ordered) {
            Settings s = in.configs().settingsFor(p);
            settings.put(p, s);
            runners.put(p, s.runnerOr(Runners.detect(p)));
        }
        Graph now = new Graph(List.copyOf(entries), List.copyOf(ordered), AlembicHistory.checkGraph(entries), settings, runners);
        graphs.put(folder, now);
        return now;
    }

    private static boolean sameEntries(List<RevisionGraph.Entry> a, List<RevisionGraph.Entry> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).path().equals(b.get(i).path()) || a.get(i).file() != b.get(i).file()) {
                return false;
            }
        }
        return true;
    }

    private Step stepAt(Path p, SchemaModel start, Graph graph) {
        String text = in.sources.text(p).text();
        RevisionFile revision = revision(p);
        Settings settings = graph.settings().get(p);
        AlembicVersion.Version version = version(p, settings);
        Step old = steps.get(p);
        if (old != null && Objects.equals(old.text(), text) && old.revision() == revision
                && old.context().settings().equals(settings) && Objects.equals(old.version(), version)
                && (old.context().schemaAtStart() == start || old.context().schemaAtStart().tables().equals(start.tables()))) {
            return old;
        }
        FileContext context = new FileContext(p.toString(), settings, graph.runners().get(p), start);
        Step now;
        try {
            in.sqlParses.incrementAndGet();
            Analysis analysis = AlembicAnalyzer.analyze(in.analyzer, text, revision, context, version);
            now = new Step(p, text, revision, context, version, analysis, null, analysis.schemaAfter());
        } catch (RuntimeException | StackOverflowError e) {
            Finding internal = new Finding(InternalError.ID, Severity.ERROR, "miglint could not analyse this file (" + e
                    + "); please report it", "This is a bug in miglint, not in your migration.", new Span(0, 0), List.of());
            now = new Step(p, text, revision, context, version, null, internal, start);
        }
        steps.put(p, now);
        return now;
    }

    /** The {@code alembicVersion} setting, else the version the project around {@code file} pins (looked up once per folder). */
    AlembicVersion.Version version(Path file, Settings settings) {
        if (settings.alembicVersion() != null) {
            return AlembicVersion.parse(settings.alembicVersion()).orElse(null);
        }
        Path folder = historyOf(file);
        long now = in.recheck() ? System.currentTimeMillis() : 0;
        Pinned pinned = versions.get(folder);
        if (pinned == null || in.recheck() && now - pinned.readAt() > Sources.RECHECK_MS) {
            pinned = new Pinned(now, AlembicVersion.detect(file).orElse(null));
            versions.put(folder, pinned);
        }
        return pinned.version();
    }

    void clear() {
        judged.clear();
        reads.clear();
        steps.clear();
        graphs.clear();
        versions.clear();
    }
}
