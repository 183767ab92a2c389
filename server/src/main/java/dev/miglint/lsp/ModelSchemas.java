package dev.miglint.lsp;

import dev.miglint.project.AlembicReplay;
import dev.miglint.project.ProjectRoots;
import dev.miglint.schema.SchemaModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema each project's Alembic history builds, for its model files: replayed once, again only
 * when a revision file changes on disk. The project's revision files are looked up again at most
 * every few seconds, so a new revision is seen without walking the project on every keystroke.
 */
final class ModelSchemas {

    private static final long RESCAN_MS = 3000;

    /** One project's revisions as last read, and the schema they build. */
    private record Replayed(long scannedAt, List<Path> revisions, List<String> stamps, SchemaModel schema) {
    }

    private final Map<Path, Replayed> byRoot = new ConcurrentHashMap<>();

    /** The schema the migrations of the project around {@code modelFile} build; null outside an Alembic project. */
    SchemaModel migratedFor(Path modelFile) {
        Path root = ProjectRoots.around(modelFile.toAbsolutePath().normalize());
        if (root == null) {
            return null;
        }
        Replayed old = byRoot.get(root);
        long now = System.currentTimeMillis();
        List<Path> revisions = old != null && now - old.scannedAt() < RESCAN_MS ? old.revisions()
                : AlembicReplay.revisionsAround(modelFile);
        if (revisions.isEmpty()) {
            return null;
        }
        List<String> stamps = FileStamps.of(revisions);
        if (old != null && old.stamps().equals(stamps)) {
            return old.schema();
        }
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path p : revisions) {
            try {
                texts.put(p, Files.readString(p));
            } catch (IOException | RuntimeException e) {
                // unreadable: not part of the history
            }
        }
        SchemaModel schema = AlembicReplay.replay(texts);
        byRoot.put(root, new Replayed(now, revisions, stamps, schema));
        return schema;
    }
}
