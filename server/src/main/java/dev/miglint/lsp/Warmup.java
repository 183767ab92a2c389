package dev.miglint.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Start-up warm-up. The JVM interprets code until it has run often enough to compile it, so the
 * first hundred keystrokes of a session would each cost several times what later ones do. Before
 * serving the editor, the server therefore plays a short editing session against a throwaway
 * instance of itself, over in-memory pipes, through the same JSON-RPC, analysis and conversion code.
 * Bounded in time; any failure only ends the warm-up early.
 */
final class Warmup {

    /** A file that does not exist, so the warm-up takes the path of a real standalone file without reading one. */
    private static final String URI = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "miglint-warmup-" + ProcessHandle.current().pid(), "warmup.sql").toUri().toString();

    /**
     * How long one answer may take. Every request is awaited (one edit may overrun the budget) so
     * that no answer is written after the session closes; this only stops a warm-up that hangs.
     */
    private static final long ANSWER_MS = 5000;

    private Warmup() {
    }

    /**
     * Plays edits for about {@code budgetMs} (at most {@code maxEdits}): half as a client that pulls
     * diagnostics, half as one that is pushed them, as editors do one or the other.
     */
    static int run(long budgetMs, int maxEdits) {
        String sample = sample();
        if (sample.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        long half = start + TimeUnit.MILLISECONDS.toNanos(budgetMs / 2);
        int edits = play(sample, true, half, maxEdits / 2);
        return edits + play(sample, false, start + TimeUnit.MILLISECONDS.toNanos(budgetMs), maxEdits / 2);
    }

    private static int play(String sample, boolean pull, long deadline, int maxEdits) {
        int edits = 0;
        try (Session session = new Session()) {
            LanguageServer remote = session.remote;
            remote.initialize(client(pull)).get(ANSWER_MS, TimeUnit.MILLISECONDS);
            remote.initialized(new InitializedParams());
            remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "sql", 1, sample)));
            String large = sample.repeat(12);
            String small = sample.substring(0, sample.indexOf("CREATE TABLE IF NOT EXISTS orders"));
            while (edits < maxEdits && System.nanoTime() < deadline) {
                edits++;
                // Mostly small documents (many calls compile the per-message code); now and then a
                // larger one, so the loops over statements and tokens compile too.
                String text = (edits % 32 == 0 ? large : edits % 4 == 0 ? sample : small) + "\n-- edit " + edits + "\n";
                int version = edits + 1;
                remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(URI, version), List.of(new TextDocumentContentChangeEvent(text))));
                if (pull) {
                    remote.getTextDocumentService().diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI)))
                            .get(ANSWER_MS, TimeUnit.MILLISECONDS);
                } else if (!session.client.awaitVersion(version, ANSWER_MS)) {
                    break;
                }
                if (edits % 64 == 1) {
                    otherFeatures(remote);
                }
            }
            remote.shutdown().get(ANSWER_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // A warm-up that fails or runs out of time costs nothing but speed.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        return edits;
    }

    private static void otherFeatures(LanguageServer remote) throws Exception {
        TextDocumentIdentifier doc = new TextDocumentIdentifier(URI);
        var text = remote.getTextDocumentService();
        Position inCreate = new Position(4, 14);
        text.hover(new HoverParams(doc, inCreate)).get(ANSWER_MS, TimeUnit.MILLISECONDS);
        text.documentSymbol(new DocumentSymbolParams(doc)).get(ANSWER_MS, TimeUnit.MILLISECONDS);
        text.codeAction(new CodeActionParams(doc, new Range(inCreate, inCreate), new CodeActionContext(List.of())))
                .get(ANSWER_MS, TimeUnit.MILLISECONDS);
    }

    private static InitializeParams client(boolean pull) {
        InitializeParams params = new InitializeParams();
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        if (pull) {
            text.setDiagnostic(new DiagnosticCapabilities());
        }
        caps.setTextDocument(text);
        params.setCapabilities(caps);
        return params;
    }

    private static String sample() {
        try (InputStream in = Warmup.class.getResourceAsStream("warmup.sql")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** A throwaway server and a client talking to it over in-memory pipes. */
    private static final class Session implements AutoCloseable {
        final MiglintLanguageServer server = new MiglintLanguageServer(code -> { });
        final SilentClient client = new SilentClient();
        final LanguageServer remote;
        private final PipedOutputStream toServer;
        private final PipedOutputStream toClient;

        Session() throws IOException {
            PipedInputStream serverIn = new PipedInputStream(1 << 20);
            toServer = new PipedOutputStream(serverIn);
            PipedInputStream clientIn = new PipedInputStream(1 << 20);
            toClient = new PipedOutputStream(clientIn);
            Launcher<LanguageClient> serverSide = LspMain.launcher(server, serverIn, toClient);
            server.connect(serverSide.getRemoteProxy());
            serverSide.startListening();
            Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(client, clientIn, toServer);
            clientSide.startListening();
            remote = clientSide.getRemoteProxy();
        }

        @Override
        public void close() {
            server.exit();
            try {
                toServer.close();
                toClient.close();
            } catch (IOException e) {
                // nothing to keep
            }
        }
    }

    /** Ignores everything but the version of the latest diagnostics pushed to it. */
    private static final class SilentClient implements LanguageClient {
        private int published;

        synchronized boolean awaitVersion(int version, long timeoutMs) throws InterruptedException {
            long until = System.currentTimeMillis() + timeoutMs;
            while (published < version) {
                long left = until - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public synchronized void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            if (diagnostics.getVersion() != null) {
                published = Math.max(published, diagnostics.getVersion());
                notifyAll();
            }
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }
}
