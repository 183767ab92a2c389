package dev.miglint.lsp;

import com.google.gson.JsonObject;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real server on in-process pipes and a client that records what it is sent. Helpers: {@link #open},
 * {@link #change}, {@link #te}, {@link #d} (wait for diagnostics), {@link #ca} (code actions), {@link #apply}.
 */
final class LspSession implements AutoCloseable {

    static final long WAIT_MS = 10_000;

    final List<PublishDiagnosticsParams> published = new CopyOnWriteArrayList<>();
    final List<MessageParams> logged = new CopyOnWriteArrayList<>();
    /** Every window/workDoneProgress/create token and $/progress notification, in order. */
    final List<Object> progress = new CopyOnWriteArrayList<>();
    final List<org.eclipse.lsp4j.Registration> registrations = new CopyOnWriteArrayList<>();
    final AtomicInteger exitCode = new AtomicInteger(-1);
    volatile JsonObject configuration;
    /** Advertise snippet edits in workspace edits (LSP 3.18) at initialize. */
    boolean snippetEdits;
    final MiglintLanguageServer server = new MiglintLanguageServer(exitCode::set);
    final LanguageServer remote;
    private final List<AutoCloseable> pipes = new ArrayList<>();

    LspSession() throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 20);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        pipes.addAll(List.of(serverIn, clientOut, clientIn, serverOut));
        Launcher<LanguageClient> serverSide = LspMain.launcher(server, serverIn, serverOut);
        server.connect(serverSide.getRemoteProxy());
        serverSide.startListening();
        Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(new Recorder(), clientIn, clientOut);
        clientSide.startListening();
        remote = clientSide.getRemoteProxy();
    }

    /** Initializes as a push client, or as one that pulls diagnostics (LSP 3.17). */
    LspSession initialize(boolean pulls, Object initializationOptions) throws Exception {
        return initialize(pulls, initializationOptions, null, false);
    }

    /**
     * As a push client whose workspace folder is {@code root}, which shows work-done progress and
     * registers file watchers when {@code progressAndWatchers}.
     */
    LspSession initializeWorkspace(Path root, boolean progressAndWatchers) throws Exception {
        return initialize(false, null, root, progressAndWatchers);
    }

    private LspSession initialize(boolean pulls, Object initializationOptions, Path root, boolean progressAndWatchers)
            throws Exception {
        InitializeParams params = new InitializeParams();
        if (root != null) {
            params.setWorkspaceFolders(List.of(new org.eclipse.lsp4j.WorkspaceFolder(uri(root), "root")));
        }
        params.setProcessId((int) ProcessHandle.current().pid());
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        if (pulls) {
            text.setDiagnostic(new DiagnosticCapabilities());
        }
        caps.setTextDocument(text);
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setConfiguration(true);
        if (snippetEdits) {
            org.eclipse.lsp4j.WorkspaceEditCapabilities edits = new org.eclipse.lsp4j.WorkspaceEditCapabilities();
            edits.setSnippetEditSupport(true);
            workspace.setWorkspaceEdit(edits);
        }
        caps.setWorkspace(workspace);
        if (progressAndWatchers) {
            org.eclipse.lsp4j.WindowClientCapabilities window = new org.eclipse.lsp4j.WindowClientCapabilities();
            window.setWorkDoneProgress(true);
            caps.setWindow(window);
            workspace.setDidChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities(true));
        }
        params.setCapabilities(caps);
        params.setInitializationOptions(initializationOptions);
        remote.initialize(params).get(WAIT_MS, TimeUnit.MILLISECONDS);
        remote.initialized(new org.eclipse.lsp4j.InitializedParams());
        return this;
    }

    /** As a client that pulls diagnostics, with {@code root} as its workspace folder. */
    LspSession initializePulling(Path root) throws Exception {
        return initialize(true, null, root, false);
    }

    void close(String uri) {
        remote.getTextDocumentService().didClose(new org.eclipse.lsp4j.DidCloseTextDocumentParams(
                new org.eclipse.lsp4j.TextDocumentIdentifier(uri)));
    }

    LspSession initialize() throws Exception {
        return initialize(false, null);
    }

    static String uri(Path file) {
        return file.toUri().toString();
    }

    void open(String uri, int version, String text) {
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "sql", version, text)));
    }

    void change(String uri, int version, TextDocumentContentChangeEvent... changes) {
        remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(changes)));
    }

    /** An incremental change: replace [l1:c1, l2:c2) with text. */
    static TextDocumentContentChangeEvent te(int l1, int c1, int l2, int c2, String text) {
        return new TextDocumentContentChangeEvent(new Range(new Position(l1, c1), new Position(l2, c2)), text);
    }

    /** The first diagnostics published for {@code uri} at {@code version} or later (waits up to 10 s). */
    List<Diagnostic> d(String uri, int version) throws InterruptedException {
        long until = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < until) {
            for (PublishDiagnosticsParams p : published) {
                if (p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() >= version) {
                    return p.getDiagnostics();
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no diagnostics for " + uri + " version " + version + " within " + WAIT_MS + " ms; got "
                + published.stream().map(p -> p.getVersion()).toList());
    }

    /** Waits (up to 10 s) for a publish for {@code uri} whose diagnostics satisfy {@code test}. */
    List<Diagnostic> await(String uri, java.util.function.Predicate<List<Diagnostic>> test) throws InterruptedException {
        long until = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < until) {
            for (PublishDiagnosticsParams p : published) {
                if (p.getUri().equals(uri) && test.test(p.getDiagnostics())) {
                    return p.getDiagnostics();
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no matching diagnostics for " + uri + " within " + WAIT_MS + " ms");
    }

    static List<String> codes(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(DiagnosticConverter::code).toList();
    }

    /** Waits (up to 10 s) for {@code test} to hold. */
    static void until(java.util.function.BooleanSupplier test, String what) throws InterruptedException {
        long until = System.currentTimeMillis() + WAIT_MS;
        while (!test.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("not within " + WAIT_MS + " ms: " + what);
            }
            Thread.sleep(5);
        }
    }

    List<CodeAction> ca(String uri, List<Diagnostic> diagnostics, List<String> only) throws Exception {
        Range range = diagnostics.isEmpty() ? new Range(new Position(0, 0), new Position(0, 0)) : diagnostics.get(0).getRange();
        CodeActionContext context = new CodeActionContext(diagnostics);
        context.setOnly(only);
        List<Either<org.eclipse.lsp4j.Command, CodeAction>> actions = remote.getTextDocumentService()
                .codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), range, context))
                .get(WAIT_MS, TimeUnit.MILLISECONDS);
        return actions.stream().map(Either::getRight).toList();
    }

    /** Applies an action's single-document edit to {@code text}, as an editor would. */
    static String apply(String text, CodeAction action) {
        TextDocumentEdit edit = action.getEdit().getDocumentChanges().get(0).getLeft();
        List<TextEdit> edits = new ArrayList<>(edit.getEdits().stream().map(Either::getLeft).toList());
        dev.miglint.text.LineIndex lines = new dev.miglint.text.LineIndex(text);
        edits.sort(Comparator.comparingInt((TextEdit e) -> offset(lines, e.getRange().getStart())).reversed());
        String out = text;
        for (TextEdit e : edits) {
            out = out.substring(0, offset(lines, e.getRange().getStart())) + e.getNewText()
                    + out.substring(offset(lines, e.getRange().getEnd()));
        }
        return out;
    }

    private static int offset(dev.miglint.text.LineIndex lines, Position p) {
        return lines.offset(p.getLine(), p.getCharacter());
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable pipe : pipes) {
            pipe.close();
        }
    }

    private final class Recorder implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void showMessage(MessageParams messageParams) {
            logged.add(messageParams);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
            logged.add(message);
        }

        @Override
        public CompletableFuture<Void> createProgress(org.eclipse.lsp4j.WorkDoneProgressCreateParams params) {
            progress.add(params);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void notifyProgress(org.eclipse.lsp4j.ProgressParams params) {
            progress.add(params);
        }

        @Override
        public CompletableFuture<Void> registerCapability(org.eclipse.lsp4j.RegistrationParams params) {
            registrations.addAll(params.getRegistrations());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
            List<Object> values = new ArrayList<>();
            params.getItems().forEach(i -> values.add(configuration));
            return CompletableFuture.completedFuture(values);
        }
    }
}
