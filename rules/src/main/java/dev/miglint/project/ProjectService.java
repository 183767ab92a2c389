package dev.miglint.project;

import dev.miglint.alembic.FunctionKind;
import dev.miglint.alembic.OpCall;
import dev.miglint.config.Settings;
import dev.miglint.drizzle.schema.DrizzleSchemaReader;
import dev.miglint.rules.Analysis;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Levels;
import dev.miglint.rules.PythonIgnores;
import dev.miglint.rules.Rule;
import dev.miglint.rules.Rules;
import dev.miglint.rules.Severity;
import dev.miglint.rules.Suppressions;
import dev.miglint.rules.alembic.HistoryRule;
import dev.miglint.rules.alembic.RevisionRule;
import dev.miglint.rules.drizzle.FolderRule;
import dev.miglint.rules.meta.UnreadableFile;
import dev.miglint.sql.SqlFile;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.text.Span;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way from a file to its findings, for the CLI and the editor alike (DESIGN.md §1): it tells
 * each file's kind, finds the project it belongs to, orders and replays its history (SQL folders,
 * Drizzle journals, Alembic graphs), runs the history, folder and model checks, and applies the
 * settings, levels and ignore comments. A file named alone is judged inside its project exactly as
 * when its folder is checked. The CLI asks {@link #analyze(List)}; the editor gives its texts with
 * {@link #open} and asks {@link #report} per document. Work is kept per file and text, so an edit
 * re-analyses what it changes. Thread-safe.
 */
public final class ProjectService {

    /** RUN: one command over files that do not change meanwhile; EDITOR: long-lived, files change. */
    public enum Mode { RUN, EDITOR }

    /** A path named on the command line that does not exist or cannot be walked. */
    public static final class NotFound extends Exception {
        public NotFound(String message) {
            super(message);
        }
    }

    /** How much work the service has done: each file read once, each text parsed once (tests assert it). */
    public record Work(long reads, long sqlParses, long pythonReads, long folderChecks, long walks) {
    }

    private static final Set<String> FOLDER_RULES = Set.copyOf(Rules.ofType(FolderRule.class).stream().map(Rule::id).toList());
    /** The rules judged on a revision outside its SQL: the revision and history rules. */
    private static final Set<String> REVISION_RULES = Set.copyOf(Rules.ALL.stream()
            .filter(r -> r instanceof RevisionRule || r instanceof HistoryRule).map(Rule::id).toList());

    private final Inputs in;
    private final SqlHistories sql;
    private final AlembicHistories alembic;
    private final ModelProjects models;

    public ProjectService(ConfigResolver configs, Mode mode) {
        boolean editor = mode == Mode.EDITOR;
        this.in = new Inputs(new Sources(editor), configs, editor);
        this.sql = new SqlHistories(in);
        this.alembic = new AlembicHistories(in);
        this.models = new ModelProjects(in, alembic, sql);
    }

    public ConfigResolver configs() {
        return in.configs();
    }

    /** New settings (the editor's, or a changed .miglint.json): everything judged before is stale. */
    public void configs(ConfigResolver configs) {
        in.configs(configs);
        in.sources.forgetDisk();
        sql.clear();
        alembic.clear();
        models.clear();
    }

    /** An editor's text for {@code file} (or a fix's, before it is written): it wins over the disk until closed. */
    public void open(Path file, String text) {
        in.sources.open(normal(file), text);
        in.changed();
    }

    /** The editor closed {@code file}: the disk's text counts again. */
    public void close(Path file) {
        in.sources.close(normal(file));
        in.changed();
    }

    /** Files created, changed or deleted on disk. */
    public void changedOnDisk(Collection<Path> files) {
        files.forEach(f -> in.sources.changedOnDisk(normal(f)));
        models.filesChanged();
        in.changed();
    }

    /** Rises with every change of the inputs (a text given or closed, a file changed on disk, new settings). */
    public long version() {
        return in.version();
    }

    public Work work() {
        return new Work(in.sources.reads(), in.sqlParses.get(), in.pythonReads.get(), in.folderChecks.get(), in.walks.get());
    }

    /**
     * The reports of what the command line names: each file named (whatever its extension), and the
     * migration, revision, model and schema files under each folder named (the config's include and
     * exclude filter those), plus the Drizzle journals and snapshots there that have findings. Histories
     * are judged in parallel; the result is in the order the files were found.
     */
    public List<FileReport> analyze(List<Path> arguments) throws NotFound {
        List<Path> files = new ArrayList<>();
        Set<Path> metaFolders = new LinkedHashSet<>();
        for (Path argument : arguments) {
            Path path = normal(argument);
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                files.addAll(walk(path, metaFolders));
            } else {
                throw new NotFound("no such file or directory: " + argument);
            }
        }
        List<Path> distinct = List.copyOf(new LinkedHashSet<>(files));
        Map<Path, FileReport> reports = new ConcurrentHashMap<>();
        Map<Path, List<Path>> histories = new LinkedHashMap<>();
        List<Path> others = new ArrayList<>();
        for (Path f : distinct) {
            FileKind kind = kindOf(f);
            if (kind == FileKind.SQL) {
                histories.computeIfAbsent(SqlHistories.historyOf(f), h -> new ArrayList<>()).add(f);
            } else if (kind == FileKind.ALEMBIC_REVISION) {
                histories.computeIfAbsent(AlembicHistories.historyOf(f), h -> new ArrayList<>()).add(f);
            } else {
                others.add(f);
            }
        }
        // Histories are independent: they run in parallel; the model and schema checks read their results.
        histories.values().parallelStream().forEach(history -> history.forEach(f -> reports.put(f, report(f))));
        others.parallelStream().forEach(f -> reports.put(f, report(f)));
        List<FileReport> out = new ArrayList<>(distinct.size());
        distinct.forEach(f -> out.add(reports.get(f)));
        for (Path folder : metaFolders) {
            for (Path meta : sql.folderFindings(folder).keySet()) {
                if (!reports.containsKey(meta) && kindOf(meta) == FileKind.DRIZZLE_META) {
                    FileReport r = report(meta);
                    if (!r.findings().isEmpty()) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    /** The files under {@code root} the service reads, sorted; Drizzle folders met on the way go into {@code metaFolders}. */
    private List<Path> walk(Path root, Set<Path> metaFolders) throws NotFound {
        ConfigResolver configs = in.configs();
        List<Path> found;
        try {
            found = Discovery.sqlFiles(root, configs::includes);
        } catch (IOException | UncheckedIOException e) {
            throw new NotFound("cannot read directory " + root + ": " + e.getMessage());
        }
        List<Path> out = new ArrayList<>();
        Set<Path> sqlFolders = new LinkedHashSet<>();
        for (Path p : found) {
            Path file = normal(p);
            FileKind kind = kindOf(file);
            if (kind == FileKind.OTHER) {
                continue; // a TypeScript file that is no Drizzle schema
            }
            out.add(file);
            if (kind == FileKind.SQL) {
                sqlFolders.add(SqlHistories.historyOf(file));
            }
        }
        sqlFolders.stream().filter(f -> in.sources.exists(f.resolve("meta").resolve("_journal.json"))).forEach(metaFolders::add);
        return out;
    }

    /** What {@code file} is read as; a file of an unknown extension named or opened is read as SQL. */
    public FileKind kindOf(Path file) {
        Path path = normal(file);
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sql")) {
            return FileKind.SQL;
        }
        if (name.endsWith(".py")) {
            if (Discovery.isAlembicRevision(path)) {
                return FileKind.ALEMBIC_REVISION;
            }
            if (Discovery.isModelFile(path)) {
                return FileKind.MODEL;
            }
            return alembic.revision(path) != null ? FileKind.ALEMBIC_REVISION : FileKind.OTHER;
        }
        if (name.endsWith(".ts")) {
            String text = Discovery.isTypeScript(path) ? in.sources.text(path).text() : null;
            return text != null && text.contains(DrizzleSchemaReader.PG_CORE) ? FileKind.DRIZZLE_SCHEMA : FileKind.OTHER;
        }
        if (name.equals(".miglint.json")) {
            return FileKind.CONFIG;
        }
        if (name.endsWith(".json")) {
            Path parent = path.getParent();
            boolean meta = parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("meta")
                    && (name.equals("_journal.json") || name.endsWith("_snapshot.json"));
            return meta || name.equals("snapshot.json") ? FileKind.DRIZZLE_META : FileKind.OTHER;
        }
        return FileKind.SQL;
    }

    /** The report of {@code file} inside its project, with the editor's texts where documents are open. */
    public FileReport report(Path file) {
        Path path = normal(file);
        FileKind kind = kindOf(path);
        if (kind == FileKind.OTHER || kind == FileKind.CONFIG) {
            return empty(path, kind, in.sources.text(path).text());
        }
        SourceText source = in.sources.text(path);
        Settings settings = in.configs().settingsFor(path);
        if (source.text() == null) {
            return unreadable(path, kind, source.problem(), settings);
        }
        return switch (kind) {
            case SQL -> sqlReport(path, settings);
            case ALEMBIC_REVISION -> revisionReport(path, source.text(), settings);
            case MODEL -> modelReport(path, source.text(), settings);
            case DRIZZLE_SCHEMA -> schemaReport(path, source.text(), settings);
            case DRIZZLE_META -> metaReport(path, source.text(), settings);
            default -> empty(path, kind, source.text());
        };
    }

    /** A document that is no file (an untitled buffer): SQL alone, with the editor's settings. */
    public FileReport reportText(String text) {
        SourceText source = SourceText.of(text);
        Settings settings = in.configs().settingsWithoutFile();
        if (source.text() == null) {
            return unreadable(null, FileKind.SQL, source.problem(), settings);
        }
        SqlFile file = SqlFile.parse(source.text());
        FileContext context = new FileContext("", settings, settings.runnerOr(dev.miglint.config.Runner.NONE),
                dev.miglint.schema.SchemaModel.EMPTY);
        Analysis analysis = in.analyzer.analyze(file, context);
        return new FileReport(null, FileKind.SQL, source.text(), analysis.findings(), file, context, null,
                statementSpans(file), file.statements().size());
    }

    /**
     * Whether {@code changed} (a text edited, a file created or deleted) is among what {@code other}'s
     * report depends on: the editor re-checks such open documents. A SQL file depends on the files
     * before it in its history and on its Drizzle folder's journal; a revision on every revision of its
     * folder (the graph); a model or schema file on the migrations and models of its project.
     */
    public boolean affects(Path changed, Path other) {
        Path c = normal(changed);
        Path o = normal(other);
        if (c.equals(o)) {
            return false;
        }
        FileKind from = kindOf(c);
        return switch (kindOf(o)) {
            case SQL -> from == FileKind.SQL && SqlHistories.historyOf(c).equals(SqlHistories.historyOf(o)) && !before(o, c)
                    || from == FileKind.DRIZZLE_META && c.startsWith(SqlHistories.historyOf(o));
            case ALEMBIC_REVISION -> from == FileKind.ALEMBIC_REVISION
                    && AlembicHistories.historyOf(o).equals(AlembicHistories.historyOf(c));
            case MODEL -> (from == FileKind.ALEMBIC_REVISION || from == FileKind.MODEL) && c.startsWith(ModelProjects.projectOf(o));
            case DRIZZLE_SCHEMA -> (from == FileKind.SQL || from == FileKind.DRIZZLE_META || from == FileKind.DRIZZLE_SCHEMA)
                    && c.startsWith(ModelProjects.projectOf(o));
            case DRIZZLE_META -> (from == FileKind.SQL || from == FileKind.DRIZZLE_META) && o.getParent() != null
                    && o.getParent().getParent() != null && c.startsWith(o.getParent().getParent());
            default -> false;
        };
    }

    /** {@code file} runs before {@code changed} in their history, so the change cannot move it. */
    private boolean before(Path file, Path changed) {
        List<Path> order = sql.ordered(SqlHistories.historyOf(file), null);
        int at = order.indexOf(file);
        int edited = order.indexOf(changed);
        return at >= 0 && edited >= 0 && at < edited;
    }

    private FileReport sqlReport(Path path, Settings settings) {
        SqlHistories.Step step = sql.step(path);
        if (step.text() == null) {
            return unreadable(path, FileKind.SQL, step.problem(), settings);
        }
        List<Finding> findings = new ArrayList<>();
        if (step.internal() != null) {
            findings.add(step.internal());
        } else {
            findings.addAll(step.analysis().findings());
        }
        Path folder = SqlHistories.historyOf(path);
        Map<Path, List<Finding>> folderFindings = sql.folderFindings(folder);
        if (!folderFindings.isEmpty() && step.file() != null) {
            List<Finding> mine = Levels.apply(settings, folderFindings.getOrDefault(path, List.of()));
            findings.addAll(Suppressions.applyTo(step.file(), mine, Levels.enabled(settings, FOLDER_RULES)));
        }
        findings.sort(Finding.IN_TEXT_ORDER);
        SqlFile file = step.file();
        return new FileReport(path, FileKind.SQL, step.text(), findings, file, step.context(), null,
                file == null ? List.of() : statementSpans(file), file == null ? 0 : file.statements().size());
    }

    private FileReport revisionReport(Path path, String text, Settings settings) {
        AlembicHistories.Step step = alembic.step(path);
        if (step == null) {
            return empty(path, FileKind.ALEMBIC_REVISION, text); // a Python file in versions/ that is no revision
        }
        List<Finding> findings = new ArrayList<>();
        if (step.internal() != null) {
            findings.add(step.internal());
        } else {
            findings.addAll(step.analysis().findings());
        }
        findings.addAll(PythonIgnores.apply(Levels.apply(settings, alembic.historyFindings(path)), step.text(),
                Levels.enabled(settings, REVISION_RULES)));
        findings.sort(Finding.IN_TEXT_ORDER);
        List<Span> calls = step.revision().calls().stream().filter(c -> c.function() != FunctionKind.OTHER)
                .map(OpCall::span).sorted((a, b) -> Integer.compare(a.start(), b.start())).toList();
        int statements = step.analysis() == null ? 0 : step.analysis().file().statements().size();
        return new FileReport(path, FileKind.ALEMBIC_REVISION, step.text(), findings, null, step.context(), null, calls,
                statements);
    }

    private FileReport modelReport(Path path, String text, Settings settings) {
        ModelProjects.Result result = models.python(path);
        if (result == null) {
            return empty(path, FileKind.MODEL, text);
        }
        List<Finding> findings = new ArrayList<>(PythonIgnores.apply(Levels.apply(settings, result.findings()), text,
                Levels.enabled(settings, ModelProjects.RULE_IDS)));
        findings.sort(Finding.IN_TEXT_ORDER);
        return new FileReport(path, FileKind.MODEL, text, findings, null, null, result.view(), List.of(), 0);
    }

    private FileReport schemaReport(Path path, String text, Settings settings) {
        ModelProjects.Result result = models.drizzle(path);
        if (result == null) {
            return empty(path, FileKind.DRIZZLE_SCHEMA, text);
        }
        List<Finding> findings = new ArrayList<>(Levels.apply(settings, result.findings()));
        findings.sort(Finding.IN_TEXT_ORDER);
        return new FileReport(path, FileKind.DRIZZLE_SCHEMA, text, findings, null, null, result.view(), List.of(), 0);
    }

    private FileReport metaReport(Path path, String text, Settings settings) {
        Path folder = path.getParent() == null ? null : path.getParent().getParent();
        if (folder == null) {
            return empty(path, FileKind.DRIZZLE_META, text);
        }
        List<Finding> findings = new ArrayList<>(Levels.apply(settings, sql.folderFindings(folder).getOrDefault(path, List.of())));
        findings.sort(Finding.IN_TEXT_ORDER);
        return new FileReport(path, FileKind.DRIZZLE_META, text, findings, null, null, null, List.of(), 0);
    }

    private static FileReport empty(Path path, FileKind kind, String text) {
        return new FileReport(path, kind, text, List.of(), null, null, null, List.of(), 0);
    }

    /** A file that is not UTF-8 text: one finding, so CI does not pass a file it could not check. */
    private static FileReport unreadable(Path path, FileKind kind, String problem, Settings settings) {
        Finding f = new Finding(UnreadableFile.ID, Severity.ERROR, problem, "miglint reads migrations as UTF-8 text.",
                new Span(0, 0), List.of());
        return new FileReport(path, kind, null, Levels.apply(settings, List.of(f)), null, null, null, List.of(), 0);
    }

    private static List<Span> statementSpans(SqlFile file) {
        return file.statements().stream().map(Statement::span).toList();
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
