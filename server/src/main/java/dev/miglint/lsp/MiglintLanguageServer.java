package dev.miglint.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.miglint.config.ConfigLoader;
import dev.miglint.config.Settings;
import dev.miglint.project.ConfigResolver;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The LSP lifecycle and capabilities; the documents, workspace and features live in the two
 * services and the participants they delegate to.
 */
public final class MiglintLanguageServer implements LanguageServer, LanguageClientAware {

    static final String VERSION = "0.1.0";
    /** How often the client process named in initialize is checked. */
    static final long PARENT_POLL_SECONDS = 3;

    private final IntConsumer exit;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, daemon("miglint-analysis"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("miglint-timer"));
    private final Documents documents = new Documents();
    private final Analyses analyses = new Analyses(new DiskHistory(new ConfigResolver(null)));
    private volatile LanguageClient client;
    private volatile boolean shutdown;
    private volatile boolean clientPulls;
    private volatile boolean clientRefreshes;
    private volatile boolean clientAnswersConfiguration;
    /** The client's settings, which win over .miglint.json; null for none. */
    private volatile Settings overrides;
    private final Log log = new Log(() -> client);
    private final DiagnosticsPublisher publisher = new DiagnosticsPublisher(documents, analyses, workers, timer,
            () -> client, log);
    private final MiglintTextDocumentService textDocuments;
    private final MiglintWorkspaceService workspace;

    /** @param exit ends the process (tests pass one that records the code) */
    public MiglintLanguageServer(IntConsumer exit) {
        this.exit = exit;
        this.textDocuments = new MiglintTextDocumentService(this, documents, analyses, publisher, workers, log);
        this.workspace = new MiglintWorkspaceService(this, log);
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ClientCapabilities caps = params.getCapabilities();
        clientPulls = caps != null && caps.getTextDocument() != null && caps.getTextDocument().getDiagnostic() != null;
        clientAnswersConfiguration = caps != null && caps.getWorkspace() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getConfiguration());
        clientRefreshes = clientPulls && caps.getWorkspace() != null && caps.getWorkspace().getDiagnostics() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getDiagnostics().getRefreshSupport());
        applySettings(settingsObject(params.getInitializationOptions()), false);
        if (params.getProcessId() != null) {
            watchParent(params.getProcessId());
        }

        return CompletableFuture.completedFuture(new InitializeResult(capabilities(), new ServerInfo("miglint", VERSION)));
    }

    static ServerCapabilities capabilities() {
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(true));
        caps.setTextDocumentSync(sync);
        caps.setDiagnosticProvider(new DiagnosticRegistrationOptions(false, false));
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActions.FIX_ALL)));
        caps.setHoverProvider(true);
        return caps;
    }

    /** A client that pulls diagnostics is not also pushed them: editors would show every finding twice. */
    boolean pushes() {
        return !clientPulls;
    }

    private void watchParent(int pid) {
        timer.scheduleWithFixedDelay(() -> {
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                System.err.println("miglint: the client process " + pid + " is gone; exiting");
                exit.accept(shutdown ? 0 : 1);
            }
        }, PARENT_POLL_SECONDS, PARENT_POLL_SECONDS, TimeUnit.SECONDS);
    }

    /** The {@code miglint} object out of initializationOptions or didChangeConfiguration settings, or null. */
    static JsonObject settingsObject(Object options) {
        if (!(options instanceof JsonElement element) || !element.isJsonObject()) {
            return null;
        }
        JsonObject object = element.getAsJsonObject();
        JsonElement inner = object.get("miglint");
        return inner != null && inner.isJsonObject() ? inner.getAsJsonObject() : null;
    }

    /** New client settings (same shape as .miglint.json): they win over the files; every open document is re-checked. */
    void applySettings(JsonObject settings, boolean recheck) {
        overrides = null;
        if (settings != null) {
            ConfigLoader.Loaded loaded = ConfigLoader.read(settings, null, "setting miglint");
            overrides = loaded.settings();
            if (!loaded.problems().isEmpty() && client != null) {
                client.showMessage(new MessageParams(MessageType.Warning, String.join("\n", loaded.problems())));
            }
        }
        analyses.reset(new DiskHistory(new ConfigResolver(overrides)));
        if (recheck) {
            recheckAll();
        }
    }

    /** Files on disk changed: the replayed histories and configs are read again. */
    void diskChanged() {
        analyses.reset(new DiskHistory(new ConfigResolver(overrides)));
        recheckAll();
    }

    private void recheckAll() {
        if (pushes()) {
            publisher.changedAll(documents.all());
        } else if (clientRefreshes && client != null) {
            client.refreshDiagnostics();
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        workers.shutdownNow();
        timer.shutdownNow();
        exit.accept(shutdown ? 0 : 1);
    }

    /** The client, when it answers {@code workspace/configuration}; else null. */
    LanguageClient configurationClient() {
        return clientAnswersConfiguration ? client : null;
    }

    boolean isShutdown() {
        return shutdown;
    }

    @Override
    public MiglintTextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public MiglintWorkspaceService getWorkspaceService() {
        return workspace;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
