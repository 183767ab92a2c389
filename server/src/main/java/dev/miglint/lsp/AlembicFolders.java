package dev.miglint.lsp;

import dev.miglint.alembic.AlembicHistory;
import dev.miglint.alembic.AlembicReader;
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
