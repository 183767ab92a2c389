package dev.miglint.project;

import dev.miglint.alembic.AlembicReader;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.alembic.RevisionGraph;
import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.alembic.AlembicAnalyzer;
import dev.miglint.schema.SchemaModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The schema an Alembic history builds: each revision's upgrade replayed in run order. */
public final class AlembicReplay {

    /** Replays only: no rule runs. */
    private static final Analyzer REPLAY_ONLY = new Analyzer(List.of());

    private AlembicReplay() {
    }

    /** The Alembic revisions of the project folder around {@code file} (none outside a project), sorted by path. */
    public static List<Path> revisionsAround(Path file) {
        Path root = dev.miglint.project.ProjectRoots.around(file.toAbsolutePath().normalize());
        if (root == null) {
            return List.of();
        }
        try {
            return dev.miglint.project.Discovery.sqlFiles(root, dev.miglint.project.Discovery::isAlembicRevision);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** The schema after the last revision of {@code revisions} (path → text); not-revisions are skipped. */
    public static SchemaModel replay(Map<Path, String> revisions) {
        List<RevisionGraph.Entry> entries = new ArrayList<>();
        for (Map.Entry<Path, String> e : revisions.entrySet()) {
            if (AlembicReader.read(e.getValue()) instanceof RevisionFile file) {
                entries.add(new RevisionGraph.Entry(e.getKey(), file));
            }
        }
        RevisionGraph graph = RevisionGraph.of(entries);
        SchemaModel schema = SchemaModel.EMPTY;
        for (String id : graph.runOrder()) {
            Path path = graph.revisions().get(id).path();
            FileContext context = new FileContext(path.toString(), Settings.DEFAULTS, Runner.ALEMBIC, schema);
            schema = AlembicAnalyzer.analyze(REPLAY_ONLY, revisions.get(path), context, null)
                    .map(a -> a.schemaAfter()).orElse(schema);
        }
        return schema;
    }
}
