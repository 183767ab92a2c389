package dev.miglint.rules.alembic;

import dev.miglint.alembic.FunctionDef;
import dev.miglint.alembic.FunctionKind;
import dev.miglint.alembic.OpCall;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.rules.Category;
import dev.miglint.rules.Finding;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.text.Span;

import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(id = "alembic-empty-downgrade", category = Category.CORRECTNESS, severity = Severity.WARNING, fixable = false, since = "0.1.0",
        summary = "downgrade() is empty or pass while upgrade() changes schema",
        help = "A downgrade that does nothing lets `alembic downgrade` record success while the schema keeps "
                + "the upgrade's changes, so the next upgrade fails or the database drifts from the code. "
                + "Write the inverse operations, or raise an error to say the revision cannot be undone.")
public final class AlembicEmptyDowngrade implements RevisionRule {

    /** Calls that read, wrap or name things rather than change the schema. */
    private static final Set<String> NOT_CHANGES = Set.of("get_bind", "get_context", "f", "inline_literal",
            "batch_alter_table", "implementation_for", "invoke", "run_async");

    @Override
    public void check(RevisionFile revision, List<Finding> out) {
        emptyDowngrade(revision).ifPresent(out::add);
    }

    private Optional<Finding> emptyDowngrade(RevisionFile file) {
        FunctionDef down = file.downgrade();
        List<OpCall> changes = file.calls(FunctionKind.UPGRADE).stream().filter(AlembicEmptyDowngrade::isChange).toList();
        if ((down != null && !down.isNoOp()) || changes.isEmpty()) {
            return Optional.empty();
        }
        String what = "upgrade() makes " + changes.size() + (changes.size() == 1 ? " change" : " changes")
                + " (first: " + changes.get(0).method() + ")";
        if (down == null) {
            return Optional.of(finding("There is no downgrade() while " + what
                    + ": `alembic downgrade` cannot undo this revision", anchor(file)));
        }
        Span at = down.nameSpan() != null ? down.nameSpan() : down.span();
        return Optional.of(finding("downgrade() does nothing while " + what
                + ": a downgrade would be recorded without undoing them", at));
    }

    static boolean isChange(OpCall call) {
        return !NOT_CHANGES.contains(call.method());
    }

    /** The revision line, where a finding about the whole file goes. */
    private static Span anchor(RevisionFile file) {
        if (file.revision() != null) {
            return file.revision().span();
        }
        return file.upgrade() != null && file.upgrade().nameSpan() != null ? file.upgrade().nameSpan() : new Span(0, 0);
    }
}
