package dev.miglint.lsp;

import dev.miglint.project.ConfigResolver;
import dev.miglint.project.Workspace;
import dev.miglint.rules.FileContext;
import dev.miglint.sql.SqlFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where a document sits in its project, over the rule module's {@link Workspace} index: open
 * documents override the disk (their text is indexed when they are analysed, the disk's again when
 * they close). Every update that moves what other files start from reports those files to
 * {@code moved}, so their diagnostics are re-published. Updates are serialised; reads are lock-free.
 */
final class ProjectContexts {

    /**
     * What analysing one document needs.
     *
     * @param file  the index's parse of exactly this text, or null (the caller parses)
     * @param basis the index entry the context came from: a cached analysis is stale once it differs
     */
    record Indexed(FileContext context, SqlFile file, Object basis) {
    }

    private final Consumer<List<Path>> moved;
    private volatile Workspace workspace = Workspace.scan(List.of(), new ConfigResolver(null));
    /** Open documents: the text and version the index holds for them. Guarded by this. */
    private final Map<Path, String> editorTexts = new HashMap<>();
    private final Map<Path, Integer> editorVersions = new HashMap<>();

    ProjectContexts(Consumer<List<Path>> moved) {
        this.moved = moved;
    }

    Workspace workspace() {
        return workspace;
    }

    /** Before the first scan: no files indexed yet, but the client's settings already apply. */
    synchronized void useEmpty(ConfigResolver configs) {
        workspace = reapplyEditorTexts(Workspace.scan(List.of(), configs));
    }

    /** Finds and indexes the migrations under {@code roots} (slow: call it off the LSP thread). */
    void rescan(List<Path> roots, ConfigResolver configs, Workspace.Progress progress) {
        Workspace fresh = Workspace.scan(roots, configs, progress);
        synchronized (this) {
            workspace = reapplyEditorTexts(fresh);
        }
    }

    private Workspace reapplyEditorTexts(Workspace ws) {
        for (Map.Entry<Path, String> open : editorTexts.entrySet()) {
            ws = ws.withFile(open.getKey(), open.getValue());
        }
        return ws;
    }

    /** The index entry a cached analysis of {@code path} must have been made from. */
    Object basis(Path path) {
        return path == null ? null : workspace.entry(path).orElse(null);
    }

    /** Indexes an open document's text (unless a newer version is indexed already) and returns its context. */
    Indexed index(Path path, int version, String text) {
        if (path == null) {
            return new Indexed(FileContext.standalone(""), null, null);
        }
        Path file = path.toAbsolutePath().normalize();
        List<Path> changed = List.of();
        Workspace ws;
        boolean indexedThisText;
        synchronized (this) {
            Integer indexedVersion = editorVersions.get(file);
            boolean newer = indexedVersion == null || version >= indexedVersion;
            if (newer && !text.equals(editorTexts.get(file))) {
                Workspace old = workspace;
                workspace = old.withFile(file, text);
                editorTexts.put(file, text);
                editorVersions.put(file, version);
                changed = new ArrayList<>(workspace.changedSince(old));
                changed.remove(file);
            }
            ws = workspace;
            indexedThisText = text.equals(editorTexts.get(file));
        }
        report(changed);
        var entry = ws.entry(file).orElse(null);
        if (entry == null) {
            return new Indexed(ws.contextFor(file), null, null);
        }
        // The index drops a BOM; its offsets would then be one off the editor's.
        boolean sameOffsets = indexedThisText && !text.startsWith("\uFEFF");
        return new Indexed(entry.context(), sameOffsets ? entry.file() : null, entry);
    }

    /** A document was closed: the disk's text counts again. */
    void closed(Path path) {
        if (path == null) {
            return;
        }
        Path file = path.toAbsolutePath().normalize();
        List<Path> changed;
        synchronized (this) {
            editorTexts.remove(file);
            editorVersions.remove(file);
            Workspace old = workspace;
            workspace = old.withDiskFile(file);
            changed = workspace.changedSince(old);
        }
        report(changed);
    }

    /** Files changed on disk (created, changed or deleted); open documents keep their editor text. */
    void diskChanged(List<Path> paths) {
        List<Path> changed;
        synchronized (this) {
            Workspace old = workspace;
            Workspace ws = old;
            for (Path p : paths) {
                Path file = p.toAbsolutePath().normalize();
                if (!editorTexts.containsKey(file)) {
                    ws = ws.withDiskFile(file);
                }
            }
            workspace = ws;
            changed = ws.changedSince(old);
        }
        report(changed);
    }

    private void report(List<Path> changed) {
        if (!changed.isEmpty()) {
            moved.accept(changed);
        }
    }
}
