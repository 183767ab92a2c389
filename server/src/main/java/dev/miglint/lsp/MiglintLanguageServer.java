package dev.miglint.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.miglint.config.ConfigLoader;
import dev.miglint.config.Settings;
import dev.miglint.project.ConfigResolver;
import dev.miglint.project.ProjectRoots;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import dev.miglint.project.Workspace;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;

import java.nio.file.Path;
import java.util.ArrayList;
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
    /** Scans and disk updates, one at a time, off the LSP thread. */
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(daemon("miglint-index"));
    private final ProjectContexts contexts = new ProjectContexts(this::moved);
    private final Analyses analyses = new Analyses(contexts);
    private volatile List<Path> roots = List.of();
    /** Roots found around opened files that no workspace folder holds (a client started without one). */
    private final List<Path> implicitRoots = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean clientShowsProgress;
    private volatile boolean clientRegistersWatchers;
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
        this.textDocuments = new MiglintTextDocumentService(this, documents, analyses, publisher, workers, timer, log);
        this.workspace = new MiglintWorkspaceService(this, log);
    }

    Analyses analyses() {
        return analyses;
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
        clientShowsProgress = caps != null && caps.getWindow() != null
                && Boolean.TRUE.equals(caps.getWindow().getWorkDoneProgress());
        clientRegistersWatchers = caps != null && caps.getWorkspace() != null
                && caps.getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
        textDocuments.useSnippetEdits(caps != null && caps.getWorkspace() != null
                && caps.getWorkspace().getWorkspaceEdit() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getWorkspaceEdit().getSnippetEditSupport()));
        roots = rootsOf(params);
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
        caps.setDocumentSymbolProvider(true);
        caps.setDefinitionProvider(true);
        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(true);
        caps.setWorkspace(new WorkspaceServerCapabilities(folders));
        return caps;
    }

    /** The workspace folders, else the root URI: the folders whose migrations are indexed. */
    @SuppressWarnings("deprecation")
    static List<Path> rootsOf(InitializeParams params) {
        List<Path> out = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            params.getWorkspaceFolders().forEach(f -> addPath(out, f.getUri()));
        }
        if (out.isEmpty() && params.getRootUri() != null) {
            addPath(out, params.getRootUri());
        }
        if (out.isEmpty() && params.getRootPath() != null) {
            out.add(Path.of(params.getRootPath()).toAbsolutePath().normalize());
        }
        return List.copyOf(out);
    }

    static void addPath(List<Path> out, String uri) {
        Path path = Snapshot.of(uri, 0, "").path();
        if (path != null) {
            out.add(path.toAbsolutePath().normalize());
        }
    }

    /** Indexes the workspace and asks for file change notifications. */
    @Override
    public void initialized(InitializedParams params) {
        if (clientRegistersWatchers && client != null) {
            DidChangeWatchedFilesRegistrationOptions options = new DidChangeWatchedFilesRegistrationOptions(List.of(
                    new FileSystemWatcher(Either.forLeft("**/*.sql")),
                    new FileSystemWatcher(Either.forLeft("**/" + ConfigLoader.FILE_NAME))));
            client.registerCapability(new RegistrationParams(List.of(new Registration("miglint-watched-files",
                    "workspace/didChangeWatchedFiles", options)))).exceptionally(e -> {
                        log.warning("miglint: could not watch files: " + e);
                        return null;
                    });
        }
        rescan();
    }

    /** Scans the workspace afresh (settings or a config file changed), then re-checks every open document. */
    void rescan() {
        ConfigResolver configs = new ConfigResolver(overrides);
        indexer.execute(() -> {
            try (ScanProgress progress = ScanProgress.begin(client, clientShowsProgress, log)) {
                contexts.rescan(allRoots(), configs, progress);
            } catch (RuntimeException e) {
                log.error("workspace scan failed", e);
            }
            analyses.reset();
            recheckAll();
        });
    }

    /** Watched files changed on disk: migrations are re-read, a changed config means a rescan. */
    void filesChanged(List<FileEvent> events) {
        List<Path> paths = new ArrayList<>();
        boolean config = false;
        for (FileEvent e : events) {
            Path path = Snapshot.of(e.getUri(), 0, "").path();
            if (path != null) {
                config |= path.getFileName() != null && path.getFileName().toString().equals(ConfigLoader.FILE_NAME);
                paths.add(path);
            }
        }
        if (config) {
            rescan();
        } else if (!paths.isEmpty()) {
            indexer.execute(() -> guarded("didChangeWatchedFiles", () -> contexts.diskChanged(paths)));
        }
    }

    private List<Path> allRoots() {
        List<Path> all = new ArrayList<>(roots);
        implicitRoots.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return all;
    }

    /**
     * A document was opened. One that no root holds gets a root of its own, the project folder
     * around it ({@link ProjectRoots#around}), so its history is replayed as in a workspace.
     */
    void opened(Path path) {
        if (path == null) {
            return;
        }
        Path file = path.toAbsolutePath().normalize();
        if (allRoots().stream().anyMatch(file::startsWith)) {
            return;
        }
        Path root = ProjectRoots.around(file);
        if (root != null && !implicitRoots.contains(root)) {
            log.info("miglint: " + file + " is outside the workspace folders; indexing " + root + " for its history");
            implicitRoots.add(root);
            rescan();
        }
    }

    /** workspace/didChangeWorkspaceFolders: the new set of folders is indexed. */
    void foldersChanged(List<Path> added, List<Path> removed) {
        List<Path> now = new ArrayList<>(roots);
        now.removeAll(removed);
        added.stream().filter(p -> !now.contains(p)).forEach(now::add);
        roots = List.copyOf(now);
        rescan();
    }

    /** A document was closed: its file on disk counts again for the files after it. */
    void closed(Path path) {
        indexer.execute(() -> guarded("didClose", () -> contexts.closed(path)));
    }

    /** What the files in {@code paths} start from moved: the open ones among them are re-checked. */
    private void moved(List<Path> paths) {
        java.util.Set<Path> set = new java.util.HashSet<>(paths);
        List<Snapshot> open = documents.all().stream()
                .filter(s -> s.path() != null && set.contains(s.path().toAbsolutePath().normalize())).toList();
        if (open.isEmpty()) {
            return;
        }
        if (pushes()) {
            publisher.changedAll(open);
        } else if (clientRefreshes && client != null) {
            client.refreshDiagnostics();
        }
    }

    private void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error(what + " failed", e);
        }
    }

    Workspace workspaceIndex() {
        return contexts.workspace();
    }

    Documents documents() {
        return documents;
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

    /**
     * The settings in initializationOptions or didChangeConfiguration: the {@code miglint} object, or
     * the object itself when it holds {@code .miglint.json} keys; else null.
     */
    static JsonObject settingsObject(Object options) {
        if (!(options instanceof JsonElement element) || !element.isJsonObject()) {
            return null;
        }
        JsonObject object = element.getAsJsonObject();
        JsonElement inner = object.get("miglint");
        if (inner != null) {
            return inner.isJsonObject() ? inner.getAsJsonObject() : null;
        }
        // Editors whose config block is the initializationOptions itself (Helix, Sublime) send it bare.
        return object.keySet().stream().anyMatch(ConfigLoader.KEYS::contains) ? object : null;
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
        if (recheck) {
            rescan();
        } else {
            contexts.useEmpty(new ConfigResolver(overrides));
            analyses.reset();
        }
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
        indexer.shutdownNow();
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
