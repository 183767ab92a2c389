package dev.miglint.lsp;

import org.eclipse.lsp4j.ClientCapabilities;

/**
 * What the client said it can do in {@code initialize}, read once.
 *
 * @param pulls               it asks for diagnostics itself (LSP 3.17), so none are pushed
 * @param refreshes           it takes {@code workspace/diagnostic/refresh}
 * @param answersConfiguration it answers {@code workspace/configuration}
 * @param showsProgress       it shows {@code window/workDoneProgress}
 * @param registersWatchers   it watches files for the server when asked
 * @param snippetEdits        it applies snippet text edits in a workspace edit
 */
record ClientFeatures(boolean pulls, boolean refreshes, boolean answersConfiguration, boolean showsProgress,
                      boolean registersWatchers, boolean snippetEdits) {

    static final ClientFeatures NONE = new ClientFeatures(false, false, false, false, false, false);

    static ClientFeatures of(ClientCapabilities caps) {
        if (caps == null) {
            return NONE;
        }
        var text = caps.getTextDocument();
        var workspace = caps.getWorkspace();
        boolean pulls = text != null && text.getDiagnostic() != null;
        return new ClientFeatures(pulls,
                pulls && workspace != null && workspace.getDiagnostics() != null
                        && Boolean.TRUE.equals(workspace.getDiagnostics().getRefreshSupport()),
                workspace != null && Boolean.TRUE.equals(workspace.getConfiguration()),
                caps.getWindow() != null && Boolean.TRUE.equals(caps.getWindow().getWorkDoneProgress()),
                workspace != null && workspace.getDidChangeWatchedFiles() != null
                        && Boolean.TRUE.equals(workspace.getDidChangeWatchedFiles().getDynamicRegistration()),
                workspace != null && workspace.getWorkspaceEdit() != null
                        && Boolean.TRUE.equals(workspace.getWorkspaceEdit().getSnippetEditSupport()));
    }
}
