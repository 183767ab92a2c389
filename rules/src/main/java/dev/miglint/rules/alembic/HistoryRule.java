package dev.miglint.rules.alembic;

import dev.miglint.alembic.RevisionGraph;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Granularity;
import dev.miglint.rules.Rule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A rule over an Alembic revision graph: reports by the revision file concerned. */
public interface HistoryRule extends Rule {

    void check(RevisionGraph graph, Map<Path, List<Finding>> out);

    @Override
    default Granularity granularity() {
        return Granularity.HISTORY;
    }

    static void add(Map<Path, List<Finding>> out, Path path, Finding finding) {
        out.computeIfAbsent(path, p -> new ArrayList<>()).add(finding);
    }
}
