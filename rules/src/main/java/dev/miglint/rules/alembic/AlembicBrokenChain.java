package dev.miglint.rules.alembic;

import dev.miglint.alembic.RevisionGraph;
import dev.miglint.rules.Category;
import dev.miglint.rules.Finding;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

@RuleInfo(id = "alembic-broken-chain", category = Category.CORRECTNESS, severity = Severity.ERROR, fixable = false,
        since = "0.1.0",
        summary = "down_revision names no known revision; duplicate revision ids; cycles",
        help = "Alembic builds its revision map from every file's revision and down_revision, and refuses to run "
                + "at all when a parent is missing, an id is used twice or the chain loops back on itself. "
                + "Point down_revision at an existing revision, give each file a unique id, and break the loop.")
public final class AlembicBrokenChain implements HistoryRule {

    @Override
    public void check(RevisionGraph graph, Map<Path, List<Finding>> out) {
        for (RevisionGraph.GraphProblem p : graph.problems()) {
            HistoryRule.add(out, p.path(), finding(p.message()
                    + ": Alembic cannot build its revision map until this is fixed", p.span()));
        }
    }
}
