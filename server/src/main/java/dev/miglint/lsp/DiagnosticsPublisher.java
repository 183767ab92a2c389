package dev.miglint.lsp;

import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Push diagnostics. At most one analysis per document runs at a time: a change that finds none
 * running starts one at once (no delay after a pause in typing), a change during one marks the
 * document dirty, and the latest version is analysed {@link #DEBOUNCE_MS} after the running one
 * ends. A result is published only while its version is still the document's current one.
 */
final class DiagnosticsPublisher {

    /** Coalescing delay for changes that arrive while an analysis is running. */
    static final long DEBOUNCE_MS = 30;

    private final Documents documents;
    private final Analyses analyses;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Supplier<LanguageClient> client;
    private final Log log;
    private final Map<String, State> states = new HashMap<>();

    /** Per document: is an analysis running or scheduled, and did the text change while one ran. */
    private static final class State {
        boolean running;
        boolean scheduled;
        boolean dirty;
    }

    DiagnosticsPublisher(Documents documents, Analyses analyses, ExecutorService workers, ScheduledExecutorService timer,
                         Supplier<LanguageClient> client, Log log) {
        this.documents = documents;
        this.analyses = analyses;
        this.workers = workers;
        this.timer = timer;
        this.client = client;
        this.log = log;
    }

    void changed(String uri) {
        synchronized (states) {
            State state = states.computeIfAbsent(uri, k -> new State());
            if (state.running) {
                state.dirty = true;
                return;
            }
            if (state.scheduled) {
                return; // the scheduled run reads the latest text when it starts
            }
            state.running = true;
        }
        Snapshot snapshot = documents.get(uri);
        if (snapshot != null && Analyses.cheapToAnalyse(snapshot, MiglintTextDocumentService.INLINE_MAX_CHARS)) {
            run(uri); // well under a millisecond: less than a hand-over to a worker costs
        } else {
            workers.execute(() -> run(uri));
        }
    }

    void changedAll(List<Snapshot> open) {
        open.forEach(s -> changed(s.uri()));
    }

    private void runScheduled(String uri) {
        synchronized (states) {
            State state = states.get(uri);
            if (state != null) {
                state.scheduled = false;
                state.running = true;
            }
        }
        run(uri);
    }

    private void run(String uri) {
        DocumentAnalysis result = null;
        try {
            Snapshot snapshot = documents.get(uri);
            if (snapshot != null) {
                result = analyses.analyze(snapshot, () -> { });
            }
        } catch (CancellationException e) {
            // superseded
        } catch (RuntimeException | StackOverflowError e) {
            log.error("diagnostics for " + uri + " failed", e);
        }
        // The document is free again before the client hears of the result: an edit it sends in
        // reply starts at once instead of waiting for the coalescing delay.
        boolean again = finished(uri);
        if (result != null) {
            publishIfCurrent(result);
        }
        if (again) {
            timer.schedule(() -> workers.execute(() -> runScheduled(uri)), DEBOUNCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Frees the document, or keeps it busy and answers true when it changed during the analysis. */
    private boolean finished(String uri) {
        synchronized (states) {
            State state = states.get(uri);
            if (state == null) {
                return false;
            }
            state.running = false;
            if (!state.dirty) {
                states.remove(uri);
                return false;
            }
            state.dirty = false;
            state.scheduled = true;
            return true;
        }
    }

    /** Publishing and the version check are one step, so an older result can never overtake a newer one. */
    private void publishIfCurrent(DocumentAnalysis analysis) {
        LanguageClient c = client.get();
        synchronized (this) {
            Snapshot current = documents.get(analysis.snapshot().uri());
            if (c == null || current == null || current.version() != analysis.snapshot().version()
                    || current.text() != analysis.snapshot().text()) {
                return;
            }
            c.publishDiagnostics(new PublishDiagnosticsParams(current.uri(), analysis.diagnostics(), current.version()));
        }
    }

    /** A closed document's diagnostics are cleared. */
    void closed(String uri) {
        LanguageClient c = client.get();
        synchronized (this) {
            if (c != null) {
                c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
            }
        }
    }
}
