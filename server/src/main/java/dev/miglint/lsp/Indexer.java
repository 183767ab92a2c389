package dev.miglint.lsp;

import dev.miglint.project.ConfigResolver;
import dev.miglint.project.Discovery;
import dev.miglint.project.FileKind;
import dev.miglint.project.ProjectRoots;
import dev.miglint.project.ProjectService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The workspace folders, and the scan that has the project service judge every migration, revision,
 * model and schema file under them once, so that the first look at any document (and the history
 * facts hovers show) come from its caches. A file opened outside every folder brings its project's
 * folder in ({@link ProjectRoots#around}), so its history still counts.
 */
final class Indexer {

    /** Told how far a scan has got, {@code done} rising to {@code total}. */
    interface Progress {
        void scanned(int done, int total);
    }

    private volatile List<Path> roots = List.of();
    /** How many files the last scan judged. */
    private volatile int indexed;
    /** Roots found around opened files that no workspace folder holds (a client started without one). */
    private final List<Path> implicitRoots = new CopyOnWriteArrayList<>();

    void roots(List<Path> folders) {
        roots = List.copyOf(folders);
    }

    List<Path> roots() {
        return roots;
    }

    /** The workspace folders and the project folders brought in by opened files. */
    List<Path> allRoots() {
        Set<Path> all = new LinkedHashSet<>(roots);
        all.addAll(implicitRoots);
        return List.copyOf(all);
    }

    /** The project folder {@code opened} brings in, or null when a root holds it already (or it has no project). */
    Path rootFor(Path opened) {
        Path file = opened.toAbsolutePath().normalize();
        if (allRoots().stream().anyMatch(file::startsWith)) {
            return null;
        }
        Path root = ProjectRoots.around(file);
        if (root == null || implicitRoots.contains(root)) {
            return null;
        }
        implicitRoots.add(root);
        return root;
    }

    /** Judges every file the service reads under the roots (slow: call it off the LSP thread). */
    void scan(ProjectService service, Progress progress) {
        ConfigResolver configs = service.configs();
        List<Path> files = new ArrayList<>();
        for (Path root : allRoots()) {
            try {
                for (Path p : Discovery.sqlFiles(root, configs::includes)) {
                    if (service.kindOf(p) != FileKind.OTHER) {
                        files.add(p);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // an unreadable root holds nothing to index
            }
        }
        progress.scanned(0, files.size());
        for (int i = 0; i < files.size(); i++) {
            service.report(files.get(i));
            progress.scanned(i + 1, files.size());
        }
        indexed = files.size();
    }

    int indexed() {
        return indexed;
    }
}
