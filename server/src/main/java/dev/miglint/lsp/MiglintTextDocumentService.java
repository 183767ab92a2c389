package dev.miglint.lsp;

import dev.miglint.config.ConfigLoader;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Translates text document requests: keeps the snapshots current and hands features to their
 * participants off the LSP thread. A feature that throws is logged and answers empty.
 */
public final class MiglintTextDocumentService implements TextDocumentService {

    private final MiglintLanguageServer server;
    private final Documents documents;
    private final Analyses analyses;
    private final DiagnosticsPublisher publisher;
    private final ExecutorService workers;
    /** Documents up to this size are analysed on the message thread when pulled. */
    static final int INLINE_MAX_CHARS = 8 * 1024;
    private final Log log;
    private final CodeActions codeActions;
    private final Navigation navigation;
    private final List<HoverParticipant> hovers = new ArrayList<>(List.of(new FindingHovers(), new InsightHovers(), new ModelHovers()));

    MiglintTextDocumentService(MiglintLanguageServer server, Documents documents, Analyses analyses,
                               DiagnosticsPublisher publisher, ExecutorService workers, ScheduledExecutorService timer,
                               Log log) {
        this.server = server;
        this.documents = documents;
        this.analyses = analyses;
        this.publisher = publisher;
        this.workers = workers;
        this.log = log;
        this.codeActions = new CodeActions(documents, analyses);
        this.navigation = new Navigation(documents);
    }

    /** The client applies snippet edits: ignore actions then select the reason to type over. */
    void useSnippetEdits(boolean supported) {
        codeActions.useSnippets(supported);
    }

    /** Where further hover content (statement locks, table and column definitions) plugs in. */
    void addHoverParticipant(HoverParticipant participant) {
        hovers.add(participant);
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        guarded("didOpen", () -> {
            var doc = params.getTextDocument();
            Snapshot opened = documents.open(doc.getUri(), doc.getVersion(), doc.getText());
            analyses.edited(opened);
            changed(doc.getUri());
            server.opened(opened.path());
            server.moved(opened.path());
        });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        guarded("didChange", () -> {
            var doc = params.getTextDocument();
            Snapshot now = documents.change(doc.getUri(), doc.getVersion() == null ? 0 : doc.getVersion(),
                    params.getContentChanges());
            analyses.edited(now);
            changed(doc.getUri());
            server.moved(now.path());
        });
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        guarded("didClose", () -> {
            String uri = params.getTextDocument().getUri();
            Snapshot closed = documents.get(uri);
            documents.close(uri);
            if (closed != null) {
                analyses.closed(closed);
                server.moved(closed.path());
            }
            if (server.pushes()) {
                publisher.closed(uri);
            }
        });
    }

    /** A saved migration changes what later files start from; a saved config changes settings. */
    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        guarded("didSave", () -> {
            String uri = params.getTextDocument().getUri();
            Snapshot saved = documents.saved(uri, params.getText());
            if (saved != null) {
                analyses.edited(saved);
                if (saved.path() != null) {
                    analyses.diskChanged(List.of(saved.path()));
                }
            }
            if (uri.endsWith(ConfigLoader.FILE_NAME)) {
                log.info("miglint: " + uri + " saved; settings re-read");
                server.rescan();
            } else {
                changed(uri);
            }
        });
    }

    /**
     * Pushed diagnostics follow at once. A client that pulls asks for them itself; the service already
     * judges every other file against this text (it was given on the change), so nothing runs ahead.
     */
    private void changed(String uri) {
        if (server.pushes()) {
            publisher.changed(uri);
        }
    }

    /**
     * A small document (or one analysed already) is answered on the message thread: its analysis
     * takes well under a millisecond, less than handing it to a worker and back would.
     */
    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        String uri = params.getTextDocument().getUri();
        Snapshot snapshot = documents.get(uri);
        if (snapshot == null || Analyses.cheapToAnalyse(snapshot, INLINE_MAX_CHARS) || analyses.cached(snapshot) != null) {
            try {
                return CompletableFuture.completedFuture(report(snapshot, () -> { }));
            } catch (RuntimeException | StackOverflowError e) {
                log.error("textDocument/diagnostic failed", e);
                return CompletableFuture.completedFuture(report(List.of()));
            }
        }
        return compute("textDocument/diagnostic", cancel -> report(documents.get(uri), cancel), report(List.of()));
    }

    private DocumentDiagnosticReport report(Snapshot snapshot, CancelChecker cancel) {
        return report(snapshot == null ? List.of() : analyses.analyze(snapshot, cancel).diagnostics());
    }

    private static DocumentDiagnosticReport report(List<org.eclipse.lsp4j.Diagnostic> items) {
        return new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(items));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return compute("textDocument/codeAction", cancel -> codeActions.actions(params, cancel), List.of());
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return compute("textDocument/hover", cancel -> {
            Snapshot snapshot = documents.get(params.getTextDocument().getUri());
            if (snapshot == null) {
                return null;
            }
            DocumentAnalysis analysis = analyses.analyze(snapshot, cancel);
            int offset = Positions.offset(snapshot.lines(), params.getPosition());
            List<String> parts = new ArrayList<>();
            for (HoverParticipant participant : hovers) {
                String md = participant.hover(analysis, offset);
                if (md != null) {
                    parts.add(md);
                }
            }
            return parts.isEmpty() ? null : new Hover(new MarkupContent(MarkupKind.MARKDOWN, String.join("\n\n---\n\n", parts)));
        }, null);
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return compute("textDocument/documentSymbol", cancel -> {
            Snapshot snapshot = documents.get(params.getTextDocument().getUri());
            if (snapshot == null) {
                return List.<Either<SymbolInformation, DocumentSymbol>>of();
            }
            return Navigation.symbols(analyses.analyze(snapshot, cancel)).stream()
                    .map(Either::<SymbolInformation, DocumentSymbol>forRight).toList();
        }, List.of());
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        Either<List<? extends Location>, List<? extends LocationLink>> none = Either.forLeft(List.of());
        return compute("textDocument/definition", cancel -> {
            Snapshot snapshot = documents.get(params.getTextDocument().getUri());
            if (snapshot == null) {
                return none;
            }
            Location location = navigation.definition(analyses.analyze(snapshot, cancel),
                    Positions.offset(snapshot.lines(), params.getPosition()));
            return location == null ? none : Either.forLeft(List.of(location));
        }, none);
    }

    /** Runs a feature on the workers; cancellable by the client; a failure is logged and answers {@code empty}. */
    private <T> CompletableFuture<T> compute(String feature, Function<CancelChecker, T> work, T empty) {
        return CompletableFutures.computeAsync(workers, cancel -> {
            try {
                return work.apply(cancel);
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                log.error(feature + " failed", e);
                return empty;
            }
        });
    }

    private void guarded(String feature, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error(feature + " failed", e);
        }
    }
}
