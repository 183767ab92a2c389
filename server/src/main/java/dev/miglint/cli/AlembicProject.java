package dev.miglint.cli;

import dev.miglint.rules.alembic.AlembicAnalyzer;
import dev.miglint.rules.alembic.AlembicHistory;
import dev.miglint.alembic.AlembicReader;
import dev.miglint.alembic.AlembicVersion;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.alembic.RevisionGraph;
import dev.miglint.config.Settings;
import dev.miglint.rules.Finding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Alembic revisions of one {@code versions/} folder: their run order by the revision graph (file
 * names are hashes, so name order means nothing), the history findings of each file, and the
 * project's Alembic version.
 */
final class AlembicProject {

    private final List<FileResult.Parsed> inRunOrder;
    private final Map<Path, List<Finding>> findings;
    private final AlembicVersion.Version detected;
    private final Map<Path, String> texts = new HashMap<>();

    private AlembicProject(List<FileResult.Parsed> inRunOrder, Map<Path, List<Finding>> findings,
                           AlembicVersion.Version detected) {
        this.inRunOrder = inRunOrder;
        this.findings = findings;
        this.detected = detected;
    }

    /** The project of {@code files}, or null when none of them is an Alembic revision. */
    static AlembicProject of(List<FileResult.Parsed> files) {
        List<RevisionGraph.Entry> entries = new ArrayList<>();
        Map<Path, FileResult.Parsed> byPath = new HashMap<>();
        for (FileResult.Parsed file : files) {
            byPath.put(file.path(), file);
            if (FileResult.isPython(file.path()) && file.text() != null
                    && AlembicReader.read(file.text()) instanceof RevisionFile revision) {
                entries.add(new RevisionGraph.Entry(file.path(), revision));
            }
        }
        if (entries.isEmpty()) {
            return null;
        }
        RevisionGraph graph = RevisionGraph.of(entries);
        Set<FileResult.Parsed> ordered = new LinkedHashSet<>();
        for (String id : graph.runOrder()) {
            RevisionGraph.Entry entry = graph.revisions().get(id);
            if (entry != null && byPath.containsKey(entry.path())) {
                ordered.add(byPath.get(entry.path()));
            }
        }
        ordered.addAll(files); // files outside the graph (cycles, not revisions) keep their place after it
        AlembicVersion.Version detected = AlembicVersion.detect(entries.get(0).path()).orElse(null);
        AlembicProject project = new AlembicProject(List.copyOf(ordered), AlembicHistory.check(entries), detected);
        files.forEach(f -> project.texts.put(f.path(), f.text() == null ? "" : f.text()));
        return project;
    }

    List<FileResult.Parsed> inRunOrder() {
        return inRunOrder;
    }

    /**
     * The history findings about {@code path} (heads, broken chains, downgrades, unanalysable SQL), at
     * the levels {@code settings} give their rules; a rule set to {@code off} reports nothing.
     */
    List<Finding> findings(Path path, Settings settings) {
        return settings.atConfiguredLevels(AlembicHistory.withoutIgnored(findings.getOrDefault(path, List.of()),
                texts.getOrDefault(path, "")));
    }

    /** The {@code alembicVersion} setting, else the version the project pins. */
    AlembicVersion.Version version(Settings settings) {
        return settings.alembicVersion() != null ? AlembicVersion.parse(settings.alembicVersion()).orElse(null) : detected;
    }
}
