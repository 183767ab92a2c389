package dev.miglint.lsp;

import dev.miglint.project.ConfigResolver;
import dev.miglint.project.FileReport;
import dev.miglint.project.ProjectService;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Severity;
import dev.miglint.rules.meta.NotAnalysed;
import dev.miglint.text.Span;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

import java.nio.file.Path;
import java.util.Collection;
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
 * The editor's side of the project service: gives it the open documents' texts, asks it for each
 * snapshot's report, and remembers the latest per document, so push, pull, hover and code actions on
 * one version share one analysis. Declines what could hang the server. Everything the report holds
 * comes from the service; this class only converts and caches.
 */
final class Analyses {

    /** Reported instead of findings for a document miglint does not analyse. */
    static final String NOT_ANALYSED = NotAnalysed.ID;
    /** Larger documents are declined: at ~30 MB/s this bounds one analysis to well under a second. */
    static final int MAX_CHARS = 5 * 1024 * 1024;
    /** A report is for the text the service holds; while typing goes on it may be a newer one than asked for. */
    private static final int MAX_CATCH_UP = 20;

    private final ProjectService service = new ProjectService(new ConfigResolver(), ProjectService.Mode.EDITOR);
    private final Documents documents;
    private final Map<String, DocumentAnalysis> latest = new ConcurrentHashMap<>();
    /** Analyses under way, one per document: a second request for the same snapshot waits for it. */
    private final Map<String, InFlight> running = new ConcurrentHashMap<>();
    /** How many analyses actually ran (tests check that concurrent askers share one). */
    private final AtomicLong runs = new AtomicLong();

    Analyses(Documents documents) {
        this.documents = documents;
    }

    ProjectService service() {
        return service;
    }

    /** New settings: every report is stale. */
    void useConfigs(ConfigResolver configs) {
        service.configs(configs);
        latest.clear();
    }

    /** An open document's text changed (or it was opened): the service judges it from now on. Message thread, in order. */
    void edited(Snapshot snapshot) {
        if (snapshot.path() != null) {
            service.open(snapshot.path(), snapshot.text());
        }
    }

    /** A document was closed: its file on disk counts again. */
    void closed(Snapshot snapshot) {
        latest.remove(snapshot.uri());
        if (snapshot.path() != null) {
            service.close(snapshot.path());
        }
    }

    void diskChanged(Collection<Path> files) {
        service.changedOnDisk(files);
    }

    /** The version of the project's inputs (texts, files on disk, settings) a cached result must be of. */
    long generation() {
        return service.version();
    }

    void forget(String uri) {
        latest.remove(uri);
    }

    /** The cached result for this snapshot, or null. */
    DocumentAnalysis cached(Snapshot snapshot) {
        DocumentAnalysis a = latest.get(snapshot.uri());
        return a != null && a.isFor(snapshot, generation()) ? a : null;
    }

    /**
     * The analysis of {@code snapshot} (or of a newer version, when the document moved on meanwhile):
     * cached, shared with a run already under way for the same snapshot (push, pull and indexing often
     * ask for one version at once; on two cores a duplicate run doubles the latency), or run now.
     */
    DocumentAnalysis analyze(Snapshot snapshot, CancelChecker cancel) {
        while (true) {
            DocumentAnalysis cachedResult = cached(snapshot);
            if (cachedResult != null) {
                return cachedResult;
            }
            long gen = generation();
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
            result = convert(snapshot, gen, null, List.of(notice), declined);
        } else {
            cancel.checkCanceled();
            result = run(snapshot, gen, cancel);
        }
        latest.merge(result.snapshot().uri(), result, Analyses::newer);
        return result;
    }

    /** The service's report of the document; the first snapshot whose text it is, the asked one or a newer one. */
    private DocumentAnalysis run(Snapshot snapshot, long gen, CancelChecker cancel) {
        if (snapshot.path() == null) {
            return convert(snapshot, gen, service.reportText(snapshot.text()), null, null);
        }
        Snapshot wanted = snapshot;
        for (int attempt = 0; attempt < MAX_CATCH_UP; attempt++) {
            cancel.checkCanceled();
            FileReport report = service.report(snapshot.path());
            if (report.text() == null || sameText(report.text(), wanted.text())) {
                return convert(wanted, gen, report, null, null);
            }
            Snapshot current = documents.get(snapshot.uri());
            if (current == null) {
                throw new CancellationException("closed");
            }
            if (sameText(report.text(), current.text())) {
                return convert(current, gen, report, null, null);
            }
            wanted = current; // the document moved on again while the service judged it
        }
        throw new CancellationException("the document changes faster than it can be analysed");
    }

    /** The service drops a leading BOM, as editors do. */
    private static boolean sameText(String judged, String document) {
        return judged.equals(document) || document.startsWith("\uFEFF") && judged.equals(document.substring(1));
    }

    private static DocumentAnalysis convert(Snapshot snapshot, long gen, FileReport report, List<Finding> findings,
                                            String declined) {
        List<Finding> shown = report != null ? report.findings() : findings;
        java.util.function.IntUnaryOperator unit = report == null ? offset -> -1 : report::unitStart;
        return new DocumentAnalysis(snapshot, gen, report, shown, declined,
                DiagnosticConverter.toDiagnostics(snapshot, shown, unit));
    }

    /** Keeps the result of the newest version (an older analysis may finish last). */
    private static DocumentAnalysis newer(DocumentAnalysis old, DocumentAnalysis neu) {
        if (neu.generation() != old.generation()) {
            return neu.generation() > old.generation() ? neu : old;
        }
        return neu.snapshot().version() >= old.snapshot().version() ? neu : old;
    }

    /**
     * Small enough to analyse on the message thread: a SQL document of at most {@code maxChars}. A
     * revision, model, schema or journal may first read its project from disk, which belongs on a worker.
     */
    static boolean cheapToAnalyse(Snapshot snapshot, int maxChars) {
        String uri = snapshot.uri();
        return snapshot.text().length() <= maxChars && !uri.endsWith(".py") && !uri.endsWith(".ts") && !uri.endsWith(".json");
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
