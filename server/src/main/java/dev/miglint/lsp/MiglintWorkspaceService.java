package dev.miglint.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Settings and files on disk: translates the notifications, the server applies them. */
public final class MiglintWorkspaceService implements WorkspaceService {

    private final MiglintLanguageServer server;
    private final Log log;

    MiglintWorkspaceService(MiglintLanguageServer server, Log log) {
        this.server = server;
        this.log = log;
    }

    /**
     * {@code settings} is {@code {"miglint": {…}}}; a client that sends none (the pull model) is asked
     * with {@code workspace/configuration}.
     */
    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        try {
            Object settings = params == null ? null : params.getSettings();
            if (settings instanceof JsonElement e && e.isJsonObject() && e.getAsJsonObject().has("miglint")) {
                server.applySettings(MiglintLanguageServer.settingsObject(settings), true);
                return;
            }
            LanguageClient client = server.configurationClient();
            if (client == null) {
                server.applySettings(null, true);
                return;
            }
            ConfigurationItem item = new ConfigurationItem();
            item.setSection("miglint");
            client.configuration(new ConfigurationParams(List.of(item))).thenAccept(values -> {
                Object value = values == null || values.isEmpty() ? null : values.get(0);
                JsonObject object = value instanceof JsonElement v && v.isJsonObject() ? v.getAsJsonObject() : null;
                server.applySettings(object, true);
            }).exceptionally(ex -> {
                log.warning("miglint: workspace/configuration failed: " + ex);
                return null;
            });
        } catch (RuntimeException ex) {
            log.error("didChangeConfiguration failed", ex);
        }
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        try {
            List<Path> added = new ArrayList<>();
            List<Path> removed = new ArrayList<>();
            if (params != null && params.getEvent() != null) {
                if (params.getEvent().getAdded() != null) {
                    params.getEvent().getAdded().forEach(f -> MiglintLanguageServer.addPath(added, f.getUri()));
                }
                if (params.getEvent().getRemoved() != null) {
                    params.getEvent().getRemoved().forEach(f -> MiglintLanguageServer.addPath(removed, f.getUri()));
                }
            }
            server.foldersChanged(added, removed);
        } catch (RuntimeException ex) {
            log.error("didChangeWorkspaceFolders failed", ex);
        }
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        try {
            server.filesChanged(params.getChanges() == null ? List.of() : params.getChanges());
        } catch (RuntimeException ex) {
            log.error("didChangeWatchedFiles failed", ex);
        }
    }

}
