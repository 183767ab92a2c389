package dev.miglint.lsp;

import dev.miglint.text.LineIndex;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The open documents: the latest {@link Snapshot} of each, replaced whole on every change. */
final class Documents {

    private final Map<String, Snapshot> open = new ConcurrentHashMap<>();

    Snapshot open(String uri, int version, String text) {
        Snapshot snapshot = Snapshot.of(uri, version, text);
        open.put(uri, snapshot);
        return snapshot;
    }

    /** Applies the changes in order (LSP: each range refers to the text after the previous change). */
    Snapshot change(String uri, int version, List<TextDocumentContentChangeEvent> changes) {
        return open.compute(uri, (key, current) -> {
            String text = current == null ? "" : current.text();
            LineIndex lines = current == null ? null : current.lines();
            for (TextDocumentContentChangeEvent change : changes) {
                // The first change's ranges are in the current version, whose line index is built already.
                text = apply(text, lines, change);
                lines = null;
            }
            return current == null ? Snapshot.of(uri, version, text) : current.withText(version, text);
        });
    }

    /** didSave with text (eglot sends it): the saved text wins if it differs, same version. */
    Snapshot saved(String uri, String text) {
        return open.computeIfPresent(uri, (key, current) ->
                text == null || text.equals(current.text()) ? current : current.withText(current.version(), text));
    }

    void close(String uri) {
        open.remove(uri);
    }

    Snapshot get(String uri) {
        return open.get(uri);
    }

    List<Snapshot> all() {
        return List.copyOf(open.values());
    }

    static String apply(String text, TextDocumentContentChangeEvent change) {
        return apply(text, null, change);
    }

    /** @param known the line index of {@code text}, or null to build it */
    static String apply(String text, LineIndex known, TextDocumentContentChangeEvent change) {
        if (change.getRange() == null) {
            return change.getText();
        }
        LineIndex lines = known != null ? known : new LineIndex(text);
        int start = Positions.offset(lines, change.getRange().getStart());
        int end = Math.max(start, Positions.offset(lines, change.getRange().getEnd()));
        return text.substring(0, start) + change.getText() + text.substring(end);
    }

}
