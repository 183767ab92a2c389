package dev.miglint.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.miglint.config.ConfigLoader;
import dev.miglint.config.SettingsLayer;
import dev.miglint.project.ConfigResolver;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * The LSP lifecycle: initialize (client features, capabilities, settings, parent watch), the
 * workspace scan, settings and folder changes. Documents and features live in the two services and
 * the participants they delegate to; findings come from the project service behind {@link Analyses}.
 */
public final class MiglintLanguageServer implements LanguageServer, LanguageClientAware {

    static final String VERSION = "0.1.0";

    /** How long a pulling client's refresh waits for more changes to come with it. */
    static final long REFRESH_DELAY_MS = 100;

    private final IntConsumer exit;
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, daemon("miglint-analysis"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("miglint-timer"));
    /** Scans and disk updates, one at a time, off the LSP thread. */
    private final ExecutorService indexing = Executors.newSingleThreadExecutor(daemon("miglint-index"));
    private final Documents documents = new Documents();
    private final Analyses analyses = new Analyses(documents);
    private final Indexer indexer = new Indexer();
    private volatile ClientFeatures features = ClientFeatures.NONE;
    private volatile LanguageClient client;
    private volatile boolean shutdown;
    /** The client's settings, which win over .miglint.json key by key. */
    private volatile SettingsLayer overrides = SettingsLayer.EMPTY;
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
        features = ClientFeatures.of(params.getCapabilities());
        textDocuments.useSnippetEdits(features.snippetEdits());
        indexer.roots(rootsOf(params));
        applySettings(settingsObject(params.getInitializationOptions()), false);
        if (params.getProcessId() != null) {
            ParentWatch.start(params.getProcessId(), timer, () -> shutdown, exit);
        }
        return CompletableFuture.completedFuture(new InitializeResult(capabilities(), new ServerInfo("miglint", VERSION)));
    }

    static ServerCapabilities capabilities() {
        return Capabilities.server();
    }

    /** The workspace folders, else the root URI: the folders whose files are indexed. */
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

    /** Asks the client to watch the files the server reads, then indexes the workspace. */
    @Override
    public void initialized(InitializedParams params) {
        if (features.registersWatchers() && client != null) {
            client.registerCapability(new RegistrationParams(List.of(new Registration("miglint-watched-files",
                    "workspace/didChangeWatchedFiles", Capabilities.watchedFiles())))).exceptionally(e -> {
                        log.warning("miglint: could not watch files: " + e);
                        return null;
                    });
        }
        rescan();
    }

    /** Settings, a config file or the folders changed: the service starts afresh, the workspace is indexed again. */
    void rescan() {
        ConfigResolver configs = new ConfigResolver(overrides, indexer.allRoots());
        indexing.execute(() -> {
            analyses.useConfigs(configs);
            try (ScanProgress progress = ScanProgress.begin(client, features.showsProgress(), log)) {
                indexer.scan(analyses.service(), progress);
            } catch (RuntimeException e) {
                log.error("workspace scan failed", e);
            }
            recheckAll();
        });
    }

    /** Watched files changed on disk: the service reads them again; a changed config means a rescan. */
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
            indexing.execute(() -> guarded("didChangeWatchedFiles", () -> {
                analyses.diskChanged(paths);
                paths.forEach(this::moved);
            }));
        }
    }

    /** A document was opened; one outside every folder brings its project folder in, so its history counts. */
    void opened(Path path) {
        if (path != null && indexer.rootFor(path) != null) {
            log.info("miglint: " + path + " is outside the workspace folders; indexing its project for its history");
            rescan();
        }
    }

    /** workspace/didChangeWorkspaceFolders: the new set of folders is indexed. */
    void foldersChanged(List<Path> added, List<Path> removed) {
        List<Path> now = new ArrayList<>(indexer.roots());
        now.removeAll(removed);
        added.stream().filter(p -> !now.contains(p)).forEach(now::add);
        indexer.roots(now);
        rescan();
    }

    /**
     * {@code changed} (an open document's text, or a file on disk) moved what other documents are
     * judged against: the open ones whose reports depend on it are checked again.
     */
    void moved(Path changed) {
        if (changed == null) {
            return;
        }
        List<Snapshot> affected = documents.all().stream()
                .filter(s -> s.path() != null && analyses.service().affects(changed, s.path())).toList();
        if (affected.isEmpty()) {
            return;
        }
        if (pushes()) {
            publisher.changedAll(affected);
        } else {
            refresh();
        }
    }

    /**
     * Asks a pulling client to pull again, at most once per {@link #REFRESH_DELAY_MS}: while the user
     * types in one file of a history, the files after it would otherwise be re-pulled on every keystroke.
     */
    private void refresh() {
        LanguageClient c = client;
        if (features.refreshes() && c != null && refreshPending.compareAndSet(false, true)) {
            timer.schedule(() -> {
                refreshPending.set(false);
                c.refreshDiagnostics();
            }, REFRESH_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error(what + " failed", e);
        }
    }

    /** How many files the last workspace scan judged (tests wait for it). */
    int indexedFiles() {
        return indexer.indexed();
    }

    Documents documents() {
        return documents;
    }

    /** A client that pulls diagnostics is not also pushed them: editors would show every finding twice. */
    boolean pushes() {
        return !features.pulls();
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

    /** New client settings (same shape as .miglint.json): they win over the files key by key; open documents are re-checked. */
    void applySettings(JsonObject settings, boolean recheck) {
        overrides = SettingsLayer.EMPTY;
        if (settings != null) {
            ConfigLoader.Loaded loaded = ConfigLoader.read(settings, null, "setting miglint");
            overrides = loaded.layer();
            if (!loaded.problems().isEmpty() && client != null) {
                client.showMessage(new MessageParams(MessageType.Warning, String.join("\n", loaded.problems())));
            }
        }
        if (recheck) {
            rescan();
        } else {
            analyses.useConfigs(new ConfigResolver(overrides, indexer.allRoots()));
        }
    }

    private void recheckAll() {
        if (pushes()) {
            publisher.changedAll(documents.all());
        } else {
            refresh();
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
        indexing.shutdownNow();
        timer.shutdownNow();
        exit.accept(shutdown ? 0 : 1);
    }

    /** The client, when it answers {@code workspace/configuration}; else null. */
    LanguageClient configurationClient() {
        return features.answersConfiguration() ? client : null;
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
