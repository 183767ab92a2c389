package dev.miglint.rules.idempotency;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.DropConstraint;
import dev.miglint.change.ConstraintKind;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.sql.syntax.Guard;
import dev.miglint.sql.syntax.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
        id = "require-guarded-constraint",
        summary = "ADD CONSTRAINT needs a DO block whose EXCEPTION handler catches the re-run error",
        category = Category.IDEMPOTENCY,
        severity = Severity.ERROR,
        fixable = true,
        since = "0.1.0",
        help = "PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS, so a re-run fails on a constraint that is "
                + "already there. Wrap the statement in DO $$ BEGIN … EXCEPTION WHEN <condition> THEN null; "
                + "END $$; with the condition the statement raises: duplicate_object (42710) for FOREIGN KEY "
                + "and CHECK, duplicate_table (42P07) for UNIQUE, whose index name collides, and "
                + "invalid_table_definition (42P16) for a second PRIMARY KEY. A preceding DROP CONSTRAINT IF "
                + "EXISTS of the same name also makes the statement re-runnable. Name every constraint: an "
                + "unnamed one raises nothing on a re-run, it is added again under a new generated name.")
public final class RequireGuardedConstraint implements StatementRule {

    /** Keys of the per-file indexes below. */
    private static final Object DROPS_BY_NAME = new Object();
    private static final Object CONDITIONS_BY_STATEMENT = new Object();

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof AddConstraint add)) {
            return;
        }
        Guard guard = add.statement().guard();
        // Inside a DO block with handlers, require-matching-handler judges the condition.
        if (guard.checksExistence() || guard.hasHandlers() || droppedBefore(add, ctx) || ctx.acceptedAsTransactional()) {
            return;
        }
        if (add.name() == null && add.constraintKind() != ConstraintKind.PRIMARY_KEY) {
            // PostgreSQL names it anew on every run (…_fkey, …_fkey1): no error to catch, a duplicate instead.
            ctx.report(change, "An unnamed " + label(add.constraintKind()) + " constraint is added again, "
                    + "under a new generated name, on every run: name it (ADD CONSTRAINT <name> …) and guard it");
            return;
        }
        String what = "ADD CONSTRAINT" + (add.name() == null ? "" : " " + add.name());
        String message = what + " fails when the migration runs again: wrap it in a DO block that catches "
                + add.constraintKind().raisedWhenAddedAgain().name();
        if (guard.inDoBlock()) {
            ctx.report(change, message);
            return;
        }
        ctx.report(change, message, wrapInDoBlock(add.statement(), ctx));
    }

    private static String label(ConstraintKind kind) {
        return kind.name().replace('_', ' ');
    }

    /** A preceding {@code DROP CONSTRAINT IF EXISTS} of the same constraint makes the ADD re-runnable. */
    private static boolean droppedBefore(AddConstraint add, RuleContext ctx) {
        if (add.name() == null) {
            return false;
        }
        // Looked up by name, not scanned: a schema dump adds thousands of constraints.
        Map<String, List<Integer>> drops = ctx.perFile(DROPS_BY_NAME, () -> dropsByName(ctx.changes()));
        for (int i : drops.getOrDefault(add.name(), List.of())) {
            DropConstraint drop = (DropConstraint) ctx.changes().get(i);
            if (i < ctx.index() && drop.table() != null && drop.table().sameObject(add.table())) {
                return true;
            }
        }
        return false;
    }

    /** Where the file drops a constraint IF EXISTS: its name, and the indexes of those changes. */
    private static Map<String, List<Integer>> dropsByName(List<Change> changes) {
        Map<String, List<Integer>> out = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i) instanceof DropConstraint drop && drop.ifExists() && drop.name() != null) {
                out.computeIfAbsent(drop.name(), k -> new ArrayList<>()).add(i);
            }
        }
        return out;
    }

    /** Wraps the whole statement; the handler catches what every constraint it adds raises. */
    private static Fix wrapInDoBlock(Statement statement, RuleContext ctx) {
        Map<Statement, Set<String>> conditions = ctx.perFile(CONDITIONS_BY_STATEMENT, () -> {
            Map<Statement, Set<String>> byStatement = new IdentityHashMap<>();
            for (Change c : ctx.changes()) {
                if (c instanceof AddConstraint a) {
                    byStatement.computeIfAbsent(c.statement(), k -> new LinkedHashSet<>())
                            .add(a.constraintKind().raisedWhenAddedAgain().name());
                }
            }
            return byStatement;
        });
        return DoBlockWrap.fix(statement, conditions.getOrDefault(statement, Set.of()));
    }
}
