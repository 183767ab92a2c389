package dev.miglint.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** What changes when a file does (its modification time and size), to tell when a cached replay is stale. */
final class FileStamps {

    private FileStamps() {
    }

    static List<String> of(List<Path> files) {
        List<String> out = new ArrayList<>(files.size());
        for (Path f : files) {
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                out.add(f + "@" + a.lastModifiedTime().toMillis() + ":" + a.size());
            } catch (IOException e) {
                out.add(f + "@gone");
            }
        }
        return out;
    }
}
