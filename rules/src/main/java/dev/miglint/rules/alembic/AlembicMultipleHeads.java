package dev.miglint.rules.alembic;

import dev.miglint.alembic.RevisionGraph;
import dev.miglint.rules.Category;
import dev.miglint.rules.Finding;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(id = "alembic-multiple-heads", category = Category.CORRECTNESS, severity = Severity.ERROR, fixable = false,
        since = "0.1.0",
        summary = "more than one head in the revision graph",
        help = "With two heads `alembic upgrade head` stops with \"Multiple head revisions are present\": two "
                + "branches were created from the same parent, usually by two people at once. Run "
                + "`alembic merge heads` to add a merge revision that joins them.")
public final class AlembicMultipleHeads implements HistoryRule {

    @Override
    public void check(RevisionGraph graph, Map<Path, List<Finding>> out) {
        List<String> heads = graph.heads();
        if (heads.size() < 2 || separatelyLabelled(graph)) {
            return;
        }
        String message = "The history has " + heads.size() + " heads (" + String.join(", ", heads)
                + ") and this is one of them: `alembic upgrade head` refuses to run until `alembic merge heads` "
                + "joins them";
        for (String head : heads) {
            RevisionGraph.Entry e = graph.revisions().get(head);
            HistoryRule.add(out, e.path(), finding(message, e.file().revision().span()));
        }
    }

    /**
     * Heads that each carry a branch label of their own (on themselves or an ancestor) are independent
     * branches on purpose, upgraded with {@code alembic upgrade heads} or {@code label@head}.
     */
    private static boolean separatelyLabelled(RevisionGraph graph) {
        List<Set<String>> labels = graph.heads().stream().map(h -> labelsOf(graph, h)).toList();
        for (int i = 0; i < labels.size(); i++) {
            Set<String> own = new HashSet<>(labels.get(i));
            for (int j = 0; j < labels.size(); j++) {
                if (j != i) {
                    own.removeAll(labels.get(j));
                }
            }
            if (own.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> labelsOf(RevisionGraph graph, String head) {
        Set<String> labels = new HashSet<>();
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(head));
        while (!todo.isEmpty()) {
            String id = todo.remove(todo.size() - 1);
            RevisionGraph.Entry e = graph.revisions().get(id);
            if (e != null && seen.add(id)) {
                labels.addAll(e.file().branchLabelValues());
                todo.addAll(graph.parentsOf(id));
            }
        }
        return labels;
    }
}
