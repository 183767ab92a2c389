package dev.miglint.alembic;

import dev.miglint.python.PyToken;
import dev.miglint.text.Problem;

import java.util.List;

/**
 * What {@link AlembicReader} understood of one revision file. Headers and functions are null when
 * the file lacks them (each absence is also a problem); {@code calls} are in file order.
 */
public record RevisionFile(Header revision, Header downRevision, Header branchLabels, Header dependsOn,
                           FunctionDef upgrade, FunctionDef downgrade, List<OpCall> calls,
                           List<PyToken> comments, List<Problem> problems) implements AlembicReader.Result {

    /** The revision id, or null when it is missing or not a string literal. */
    public String revisionId() {
        return revision == null ? null : revision.value().string().orElse(null);
    }

    /** The parents: none for a root, two or more for a merge. */
    public List<String> downRevisionIds() {
        return downRevision == null ? List.of() : downRevision.ids();
    }

    public List<String> branchLabelValues() {
        return branchLabels == null ? List.of() : branchLabels.ids();
    }

    public List<String> dependsOnIds() {
        return dependsOn == null ? List.of() : dependsOn.ids();
    }

    public boolean isMerge() {
        return downRevisionIds().size() > 1;
    }

    public List<OpCall> calls(FunctionKind function) {
        return calls.stream().filter(c -> c.function() == function).toList();
    }
}
