package dev.miglint.lsp;

import dev.miglint.config.ConfigLoader;
import dev.miglint.project.FilePatterns;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the server offers in {@code initialize}, and the files it asks the client to watch. */
final class Capabilities {

    private Capabilities() {
    }

    static ServerCapabilities server() {
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

    /**
     * Every file the server reads, as the published patterns say ({@link FilePatterns}), plus the
     * snapshots the Drizzle folder checks read: a change to any of them changes some report.
     */
    static DidChangeWatchedFilesRegistrationOptions watchedFiles() {
        Set<String> globs = new LinkedHashSet<>();
        FilePatterns.ALL.forEach(p -> globs.add(p.glob()));
        globs.add("**/meta/*_snapshot.json");
        globs.add("**/" + ConfigLoader.FILE_NAME);
        List<FileSystemWatcher> watchers = new ArrayList<>();
        globs.forEach(g -> watchers.add(new FileSystemWatcher(Either.forLeft(g))));
        return new DidChangeWatchedFilesRegistrationOptions(watchers);
    }
}
