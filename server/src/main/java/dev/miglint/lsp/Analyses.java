package dev.miglint.lsp;

import dev.miglint.rules.alembic.AlembicAnalyzer;
import dev.miglint.rules.alembic.AlembicHistory;
import dev.miglint.alembic.AlembicReader;
import dev.miglint.alembic.FunctionKind;
import dev.miglint.alembic.OpCall;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.rules.models.DrizzleDrift;
import dev.miglint.project.DrizzleSchemaFiles;
import dev.miglint.drizzle.schema.DrizzleSchemaReader;
import dev.miglint.rules.models.ModelDrift;
import dev.miglint.models.ModelFile;
import dev.miglint.models.ModelReader;
import dev.miglint.project.Discovery;
import dev.miglint.schema.SchemaModel;
import dev.miglint.alembic.AlembicVersion;
import dev.miglint.rules.Analysis;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Severity;
import dev.miglint.text.Span;
import dev.miglint.sql.SqlFile;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Analyses snapshots and remembers the latest result per document, so push, pull, hover and code
 * actions on one version share one analysis. Declines what could hang the server.
 */
final class Analyses {

    /** Reported instead of findings for a document miglint does not analyse. */
    static final String NOT_ANALYSED = "not-analysed";
    /** Larger documents are declined: at ~30 MB/s this bounds one analysis to well under a second. */
    static final int MAX_CHARS = 5 * 1024 * 1024;

    private final Analyzer analyzer = Analyzer.withAllRules();
    private final AlembicFolders folders = new AlembicFolders();
    private final ModelSchemas modelSchemas = new ModelSchemas();
    private final DrizzleProjects drizzleProjects = new DrizzleProjects();
    private final Map<String, DocumentAnalysis> latest = new ConcurrentHashMap<>();
    /** Analyses under way, one per document: a second request for the same snapshot waits for it. */
    private final Map<String, InFlight> running = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    /** How many analyses actually ran (tests check that concurrent askers share one). */
    private final AtomicLong runs = new AtomicLong();
    private final ProjectContexts contexts;

    Analyses(ProjectContexts contexts) {
        this.contexts = contexts;
    }

    /** New settings or a rescanned workspace: every cached result is stale. */
    void reset() {
        generation.incrementAndGet();
        latest.clear();
    }

    ProjectContexts contexts() {
        return contexts;
    }

    long generation() {
        return generation.get();
    }

    void forget(String uri) {
        latest.remove(uri);
    }

    /** The cached result for this snapshot, or null. */
    DocumentAnalysis cached(Snapshot snapshot) {
        DocumentAnalysis a = latest.get(snapshot.uri());
        return a != null && a.isFor(snapshot, generation.get()) && a.basis() == contexts.basis(snapshot.path()) ? a : null;
    }

    /**
     * The analysis of {@code snapshot}: cached, shared with a run already under way for the same
     * snapshot (push, pull and indexing often ask for one version at once; on two cores a duplicate
     * run doubles the latency), or run now. A waiter whose run was cancelled by its starter runs its own.
     */
    DocumentAnalysis analyze(Snapshot snapshot, CancelChecker cancel) {
        while (true) {
            DocumentAnalysis cachedResult = cached(snapshot);
            if (cachedResult != null) {
                return cachedResult;
            }
            long gen = generation.get();
            InFlight mine = new InFlight(snapshot, gen, new CompletableFuture<>());
            InFlight other = running.compute(snapshot.uri(),
                    (uri, current) -> current != null && current.isFor(snapshot, gen) ? current : mine);
            if (other != mine) {
                DocumentAnalysis shared = await(other.result(), cancel);
                if (shared != null) {
                    return shared;
                }
                continue;
            }
            try {
                DocumentAnalysis result = analyzeNow(snapshot, gen, cancel);
                mine.result().complete(result);
                return result;
            } catch (RuntimeException | Error e) {
                mine.result().completeExceptionally(e);
                throw e;
            } finally {
                running.remove(snapshot.uri(), mine);
            }
        }
    }

    /** The shared result, or null when its run failed or was cancelled (the caller then runs its own). */
    private static DocumentAnalysis await(CompletableFuture<DocumentAnalysis> result, CancelChecker cancel) {
        while (true) {
            cancel.checkCanceled();
            try {
                return result.get(10, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look at cancellation again
            } catch (ExecutionException | CancellationException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    }

    private record InFlight(Snapshot snapshot, long generation, CompletableFuture<DocumentAnalysis> result) {
        boolean isFor(Snapshot other, long currentGeneration) {
            return generation == currentGeneration && snapshot.version() == other.version() && snapshot.text() == other.text();
        }
    }

    long runs() {
        return runs.get();
    }

    private DocumentAnalysis analyzeNow(Snapshot snapshot, long gen, CancelChecker cancel) {
        runs.incrementAndGet();
        String declined = declineReason(snapshot.text());
        DocumentAnalysis result;
        if (declined != null) {
            Finding notice = new Finding(NOT_ANALYSED, Severity.INFO, "not analysed: " + declined,
                    "miglint declines documents it cannot analyse quickly and safely.", new Span(0, 0), List.of());
            result = convert(snapshot, gen, null, null, contexts.basis(snapshot.path()), List.of(notice), declined);
        } else {
            cancel.checkCanceled();
            result = run(snapshot, gen, cancel);
        }
        latest.merge(snapshot.uri(), result, (old, neu) -> newer(old, neu));
        return result;
    }

    private DocumentAnalysis run(Snapshot snapshot, long gen, CancelChecker cancel) {
        ProjectContexts.Indexed indexed = contexts.index(snapshot.path(), snapshot.version(), snapshot.text());
        FileContext context = indexed.context();
        cancel.checkCanceled();
        SqlFile file;
        List<Finding> findings;
        try {
            if (isPython(snapshot)) {
                return revision(snapshot, gen, context, indexed.basis());
            }
            if (snapshot.path() != null && (snapshot.uri().endsWith(".ts") || snapshot.uri().endsWith("_journal.json"))) {
                return drizzle(snapshot, gen, context, indexed.basis());
            }
            file = indexed.file() != null ? indexed.file() : SqlFile.parse(snapshot.text());
            cancel.checkCanceled();
            Analysis analysis = analyzer.analyze(file, context);
            findings = analysis.findings();
        } catch (RuntimeException | StackOverflowError e) {
            if (e instanceof java.util.concurrent.CancellationException c) {
                throw c;
            }
            // Our bug, shown where the user looks, without costing the server.
            Finding internal = new Finding(Analyzer.INTERNAL_ERROR, Severity.ERROR, "miglint could not analyse this file ("
                    + e + "); please report it", "This is a bug in miglint, not in your migration.", new Span(0, 0), List.of());
            return convert(snapshot, gen, null, context, indexed.basis(), List.of(internal), null);
        }
        cancel.checkCanceled();
        return convert(snapshot, gen, file, context, indexed.basis(), findings, null);
    }

    /**
     * Small enough to analyse on the message thread: a SQL document of at most {@code maxChars}. A
     * revision, model, schema or journal may first read its project from disk, which belongs on a worker.
     */
    static boolean cheapToAnalyse(Snapshot snapshot, int maxChars) {
        String uri = snapshot.uri();
        return snapshot.text().length() <= maxChars && !uri.endsWith(".py") && !uri.endsWith(".ts") && !uri.endsWith(".json");
    }

    static boolean isPython(Snapshot snapshot) {
        return snapshot.uri().endsWith(".py");
    }

    /**
     * An Alembic revision (any other Python file has no findings). Its analysis holds no SQL file:
     * the statement hovers, outline and definitions are about SQL text, which the .py file is not.
     * An ignore for a finding goes above the op call that holds it.
     */
    private DocumentAnalysis revision(Snapshot snapshot, long gen, FileContext context, Object basis) {
        String text = snapshot.text();
        if (!(AlembicReader.read(text) instanceof RevisionFile revisionFile)) {
            return model(snapshot, gen, context, basis);
        }
        AlembicVersion.Version version = snapshot.path() == null ? null : folders.version(snapshot.path(), context.settings());
        List<Finding> findings = new ArrayList<>(
                AlembicAnalyzer.analyze(analyzer, text, revisionFile, context, version).findings());
        if (snapshot.path() != null) {
            findings.addAll(context.settings().atConfiguredLevels(AlembicHistory.withoutIgnored(
                    folders.findings(snapshot.path(), revisionFile), text)));
            findings.sort(Finding.IN_TEXT_ORDER);
        }
        // An ignore comment for a finding goes above the op call that holds it.
        List<Span> calls = revisionFile.calls().stream().filter(c -> c.function() != FunctionKind.OTHER)
                .map(OpCall::span).toList();
        return new DocumentAnalysis(snapshot, gen, null, context, basis, findings, null,
                DiagnosticConverter.toDiagnostics(snapshot, findings, offset -> calls.stream()
                        .filter(c -> c.start() <= offset && offset <= c.end()).mapToInt(Span::start).findFirst().orElse(-1)));
    }

    /**
     * A model file beside the schema its project's Alembic history builds (drift and key findings);
     * any other Python file has nothing to report.
     */
    private DocumentAnalysis model(Snapshot snapshot, long gen, FileContext context, Object basis) {
        if (snapshot.path() == null || !Discovery.isModelFile(snapshot.path())) {
            return new DocumentAnalysis(snapshot, gen, null, context, basis, List.of(), null, List.of());
        }
        SchemaModel migrated = modelSchemas.migratedFor(snapshot.path());
        ModelFile models = ModelReader.read(snapshot.text());
        if (migrated == null) {
            return new DocumentAnalysis(snapshot, gen, null, context, basis, List.of(), null, List.of());
        }
        List<Finding> findings = context.settings().atConfiguredLevels(ModelDrift.check(snapshot.path(), models,
                migrated, context.settings().enabled(ModelDrift.ALL)));
        return new DocumentAnalysis(snapshot, gen, null, context, basis, findings, null,
                DiagnosticConverter.toDiagnostics(snapshot, findings, offset -> -1),
                new DocumentAnalysis.ModelView(models, migrated));
    }

    /**
     * A Drizzle schema file against its project's migrations (with hovers on its columns), or a
     * journal with the checks of its folder; any other TypeScript or JSON file has nothing to report.
     */
    private DocumentAnalysis drizzle(Snapshot snapshot, long gen, FileContext context, Object basis) {
        List<Finding> findings;
        DocumentAnalysis.ModelView view = null;
        if (snapshot.uri().endsWith("_journal.json")) {
            findings = drizzleProjects.journal(snapshot.path());
        } else if (DrizzleSchemaFiles.isSchemaFile(snapshot.path(), snapshot.text())) {
            DrizzleProjects.Checked checked = drizzleProjects.schemaFile(snapshot.path(), snapshot.text(),
                    context.settings().enabled(DrizzleDrift.ALL));
            findings = checked.findings();
            if (checked.migrated() != null) {
                view = new DocumentAnalysis.ModelView(DrizzleSchemaReader.read(snapshot.text()), checked.migrated());
            }
        } else {
            findings = List.of();
        }
        findings = context.settings().atConfiguredLevels(findings);
        return new DocumentAnalysis(snapshot, gen, null, context, basis, findings, null,
                DiagnosticConverter.toDiagnostics(snapshot, findings, offset -> -1), view);
    }

    private static DocumentAnalysis convert(Snapshot snapshot, long gen, SqlFile file, FileContext context, Object basis,
                                            List<Finding> findings, String declined) {
        return new DocumentAnalysis(snapshot, gen, file, context, basis, findings, declined,
                DiagnosticConverter.toDiagnostics(snapshot, file, findings));
    }

    /** Keeps the result of the newest version (an older analysis may finish last). */
    private static DocumentAnalysis newer(DocumentAnalysis old, DocumentAnalysis neu) {
        if (neu.generation() != old.generation()) {
            return neu.generation() > old.generation() ? neu : old;
        }
        return neu.snapshot().version() >= old.snapshot().version() ? neu : old;
    }

    static String declineReason(String text) {
        if (text.length() > MAX_CHARS) {
            return "the document has " + text.length() / (1024 * 1024) + " MB; miglint analyses documents up to "
                    + MAX_CHARS / (1024 * 1024) + " MB while editing (run `miglint check` on it instead)";
        }
        if (text.indexOf('\0') >= 0) {
            return "binary content (the document contains NUL characters): not a SQL migration";
        }
        return null;
    }
}
