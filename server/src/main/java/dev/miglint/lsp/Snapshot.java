package dev.miglint.lsp;

import dev.miglint.text.LineIndex;

import java.net.URI;
import java.nio.file.Path;

/**
 * One version of an open document: immutable, so analysis can run on it while newer versions arrive.
 *
 * @param path the file the URI names, or null for a non-file URI (untitled buffers)
 */
record Snapshot(String uri, Path path, int version, String text, LineIndex lines) {

    static Snapshot of(String uri, int version, String text) {
        return new Snapshot(uri, pathOf(uri), version, text, new LineIndex(text));
    }

    Snapshot withText(int newVersion, String newText) {
        return new Snapshot(uri, path, newVersion, newText, new LineIndex(newText));
    }

    private static Path pathOf(String uri) {
        try {
            URI parsed = URI.create(uri);
            return "file".equals(parsed.getScheme()) ? Path.of(parsed) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
