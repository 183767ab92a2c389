package dev.miglint.lsp;

import dev.miglint.rules.alembic.AlembicHistory;
import dev.miglint.alembic.AlembicReader;
import dev.miglint.alembic.AlembicVersion;
import dev.miglint.config.Settings;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.alembic.RevisionGraph;
import dev.miglint.project.Discovery;
import dev.miglint.rules.Finding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Alembic history around an edited revision: the other revisions of its {@code versions/}
 * folder, read from disk and kept parsed until they change there, with the edited text in place of
 * its file. Gives the history findings (heads, broken chains, downgrades) of the edited file.
 */
final class AlembicFolders {

    private record Parsed(long modified, long size, RevisionFile revision) {
    }

    private final Map<Path, Parsed> parsed = new ConcurrentHashMap<>();
    /** The Alembic version each versions folder's project pins, and when it was read. */
    private final Map<Path, Pinned> versions = new ConcurrentHashMap<>();
    private static final long RECHECK_MS = 3000;

    private record Pinned(long readAt, AlembicVersion.Version version) {
    }

    /**
     * The {@code alembicVersion} setting, else the version the project around {@code file} pins; the
     * requirements and lock files are read again at most every few seconds, not on every keystroke.
     */
    AlembicVersion.Version version(Path file, Settings settings) {
        if (settings.alembicVersion() != null) {
            return AlembicVersion.parse(settings.alembicVersion()).orElse(null);
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        long now = System.currentTimeMillis();
        Pinned pinned = versions.get(folder);
        if (pinned == null || now - pinned.readAt() > RECHECK_MS) {
            pinned = new Pinned(now, AlembicVersion.detect(file).orElse(null));
            versions.put(folder, pinned);
        }
        return pinned.version();
    }

    /** The history findings of {@code file}, whose current text is {@code revision}; empty outside an Alembic project. */
    List<Finding> findings(Path file, RevisionFile revision) {
        Path path = file.toAbsolutePath().normalize();
        if (!Discovery.isAlembicRevision(path)) {
            return List.of();
        }
        List<RevisionGraph.Entry> entries = new ArrayList<>();
        entries.add(new RevisionGraph.Entry(path, revision));
        try (Stream<Path> siblings = Files.list(path.getParent())) {
            for (Path other : siblings.filter(p -> p.toString().endsWith(".py") && !p.equals(path)).sorted().toList()) {
                RevisionFile r = read(other);
                if (r != null) {
                    entries.add(new RevisionGraph.Entry(other, r));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return AlembicHistory.checkOne(entries, path);
    }

    private RevisionFile read(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            Parsed cached = parsed.get(file);
            if (cached != null && cached.modified() == attrs.lastModifiedTime().toMillis() && cached.size() == attrs.size()) {
                return cached.revision();
            }
            RevisionFile revision = AlembicReader.read(Files.readString(file)) instanceof RevisionFile r ? r : null;
            parsed.put(file, new Parsed(attrs.lastModifiedTime().toMillis(), attrs.size(), revision));
            return revision;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: not part of the history
        }
    }
}
