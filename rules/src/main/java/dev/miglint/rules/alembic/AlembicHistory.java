package dev.miglint.rules.alembic;

import dev.miglint.alembic.RevisionFile;
import dev.miglint.alembic.RevisionGraph;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the Alembic rules that judge revision files rather than SQL: the {@link RevisionRule}s on each
 * file and the {@link HistoryRule}s on the graph of one history.
 */
public final class AlembicHistory {

    private static final List<RevisionRule> REVISION_RULES = Rules.ofType(RevisionRule.class);
    private static final List<HistoryRule> HISTORY_RULES = Rules.ofType(HistoryRule.class);

    private AlembicHistory() {
    }

    /**
     * Findings of every Alembic rule, keyed by file path in path order, each list in file order. Every
     * path given has a key, with an empty list when it is clean, so a caller can clear old findings.
     */
    public static Map<Path, List<Finding>> check(List<RevisionGraph.Entry> revisions) {
        Map<Path, List<Finding>> out = new TreeMap<>();
        for (RevisionGraph.Entry e : revisions) {
            out.computeIfAbsent(e.path(), p -> new ArrayList<>()).addAll(checkFile(e.file()));
        }
        RevisionGraph graph = RevisionGraph.of(revisions);
        HISTORY_RULES.forEach(rule -> rule.check(graph, out));
        out.replaceAll((p, fs) -> fs.stream().sorted(Comparator.comparingInt(f -> f.range().start())).toList());
        return out;
    }

    /** The findings of the graph rules alone ({@link HistoryRule}), by file. */
    public static Map<Path, List<Finding>> checkGraph(List<RevisionGraph.Entry> revisions) {
        Map<Path, List<Finding>> out = new TreeMap<>();
        RevisionGraph graph = RevisionGraph.of(revisions);
        HISTORY_RULES.forEach(rule -> rule.check(graph, out));
        return out;
    }

    /** The findings of {@code file} alone among {@code revisions}: its own rules and what the graph says of it. */
    public static List<Finding> checkOne(List<RevisionGraph.Entry> revisions, Path file) {
        return check(revisions).getOrDefault(file, List.of());
    }

    /** The rules that need only the file itself. */
    public static List<Finding> checkFile(RevisionFile file) {
        List<Finding> out = new ArrayList<>();
        REVISION_RULES.forEach(rule -> rule.check(file, out));
        return out;
    }
}
