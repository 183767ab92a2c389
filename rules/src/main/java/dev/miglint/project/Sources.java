package dev.miglint.project;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The texts the project service reads. An editor's text (or a fix's, before it is written) wins over
 * the disk; each file on disk is read once and kept until it changes. In the editor a kept text is
 * checked against the file's modification time and size at most every few seconds, so a change no
 * watcher reported is still seen; in one CLI run nothing is read twice.
 */
final class Sources {

    /** How long a kept disk text or folder listing is trusted in the editor before it is looked at again. */
    static final long RECHECK_MS = 3000;

    private record Disk(SourceText source, long modified, long size, long checkedAt) {
    }

    /** A folder's files and sub-folders, each sorted. */
    private record Listing(List<Path> files, List<Path> folders, long modified, long checkedAt) {
    }

    private final boolean recheck;
    /** The editor's texts, decoded once (a BOM dropped, binary text declined) when given. */
    private final Map<Path, SourceText> overlay = new ConcurrentHashMap<>();
    private final Map<Path, Disk> disk = new ConcurrentHashMap<>();
    private final Map<Path, Listing> listings = new ConcurrentHashMap<>();
    private final AtomicLong reads = new AtomicLong();

    /** @param recheck look at kept disk texts again after {@link #RECHECK_MS} (the editor) */
    Sources(boolean recheck) {
        this.recheck = recheck;
    }

    /** The text of {@code file} (absolute, normalised): the overlay's, else the disk's. */
    SourceText text(Path file) {
        SourceText open = overlay.get(file);
        if (open != null) {
            return open;
        }
        Disk kept = disk.get(file);
        long now = recheck ? System.currentTimeMillis() : 0;
        if (kept != null && (!recheck || now - kept.checkedAt() < RECHECK_MS)) {
            return kept.source();
        }
        BasicFileAttributes attrs = attributes(file);
        if (kept != null && attrs != null && attrs.lastModifiedTime().toMillis() == kept.modified()
                && attrs.size() == kept.size()) {
            disk.put(file, new Disk(kept.source(), kept.modified(), kept.size(), now));
            return kept.source();
        }
        reads.incrementAndGet();
        SourceText read = SourceText.read(file);
        disk.put(file, new Disk(read, attrs == null ? -1 : attrs.lastModifiedTime().toMillis(),
                attrs == null ? -1 : attrs.size(), now));
        return read;
    }

    boolean isOpen(Path file) {
        return overlay.containsKey(file);
    }

    /** An editor's (or a pending fix's) text for {@code file}: it wins over the disk until {@link #close}. */
    void open(Path file, String text) {
        overlay.put(file, SourceText.of(text));
    }

    void close(Path file) {
        overlay.remove(file);
    }

    /** Files changed, created or deleted on disk: their kept texts and their folders' listings are stale. */
    void changedOnDisk(Path file) {
        disk.remove(file);
        Path parent = file.getParent();
        if (parent != null) {
            listings.remove(parent);
        }
        listings.remove(file);
    }

    /** Everything kept from the disk is stale (a rescan). */
    void forgetDisk() {
        disk.clear();
        listings.clear();
    }

    /** The regular files in {@code folder}, sorted; empty when it is not a readable folder. */
    List<Path> files(Path folder) {
        return listing(folder).files();
    }

    /** The sub-folders of {@code folder}, sorted. */
    List<Path> folders(Path folder) {
        return listing(folder).folders();
    }

    private Listing listing(Path folder) {
        Listing kept = listings.get(folder);
        long now = recheck ? System.currentTimeMillis() : 0;
        if (kept != null && (!recheck || now - kept.checkedAt() < RECHECK_MS)) {
            return kept;
        }
        BasicFileAttributes attrs = attributes(folder);
        long modified = attrs == null ? -1 : attrs.lastModifiedTime().toMillis();
        if (kept != null && modified == kept.modified()) {
            Listing same = new Listing(kept.files(), kept.folders(), modified, now);
            listings.put(folder, same);
            return same;
        }
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                BasicFileAttributes a = attributes(p);
                if (a != null && a.isDirectory()) {
                    folders.add(p);
                } else if (a != null && a.isRegularFile()) {
                    files.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a readable folder: nothing in it
        }
        files.sort(null);
        folders.sort(null);
        Listing read = new Listing(List.copyOf(files), List.copyOf(folders), modified, now);
        listings.put(folder, read);
        return read;
    }

    /** True when {@code file} is open or a regular file on disk (as its folder's kept listing says). */
    boolean exists(Path file) {
        Path folder = file.getParent();
        return overlay.containsKey(file) || folder != null && Collections.binarySearch(files(folder), file) >= 0;
    }

    /** How many files were read from disk: each at most once per change (a test counts it). */
    long reads() {
        return reads.get();
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
