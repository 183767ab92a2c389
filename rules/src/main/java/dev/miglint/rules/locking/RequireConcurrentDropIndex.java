package dev.miglint.rules.locking;

import dev.miglint.alembic.AlembicVersion;
import dev.miglint.alembic.OpCall;
import dev.miglint.change.Change;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Name;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.rules.alembic.OpCallEdits;
import dev.miglint.rules.alembic.OpCallFixes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@RuleInfo(
        id = "require-concurrent-drop-index",
        summary = "DROP INDEX needs CONCURRENTLY",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        fixable = true,
        since = "0.1.0",
        help = "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table: while it waits for running "
                + "queries to finish, every new read and write of the table queues behind it. DROP INDEX "
                + "CONCURRENTLY waits for those queries without blocking anyone. It cannot run inside a "
                + "transaction block, drops one index per statement and does not take CASCADE: write one DROP "
                + "INDEX CONCURRENTLY IF EXISTS per index, in a migration the runner does not wrap in a "
                + "transaction.")
public final class RequireConcurrentDropIndex implements StatementRule, OpCallFixes {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof Drop drop) || !drop.objectKind().equals("INDEX") || drop.concurrently()
                || drop.names().isEmpty() || drop.names().stream().allMatch(n -> createdWithItsTable(n, ctx) || rebuiltFromScratch(n, ctx))) {
            return;
        }
        String names = drop.names().stream().map(Name::toString).collect(Collectors.joining(", "));
        String message = "DROP INDEX " + names + " takes " + Locks.aLock(Locks.ACCESS_EXCLUSIVE) + " on its table, "
                + Locks.blocks(Locks.ACCESS_EXCLUSIVE) + " while it waits for running queries: use DROP INDEX "
                + "CONCURRENTLY";
        if (drop.names().size() > 1 || drop.cascade()) {
            ctx.report(change, message + ", one statement per index and without CASCADE, which CONCURRENTLY "
                    + "does not accept");
            return;
        }
        IndexEdits.reportWithConcurrentlyFix(change, ctx, message);
    }

    /**
     * A file that drops the index and later creates the table and the index again (pg_dump --clean,
     * a schema load) rebuilds a database from scratch rather than changing a live one.
     */
    private static boolean rebuiltFromScratch(Name index, RuleContext ctx) {
        Integer created = firstCreateAfter(index, ctx);
        if (created == null) {
            return false;
        }
        CreateIndex create = (CreateIndex) ctx.changes().get(created);
        return create.table() != null && ctx.createdInThisFileBefore(create.table(), created)
                && !ctx.createdInThisFile(create.table());
    }

    /** An index this file created on a table this file created: nobody uses either yet. */
    private static boolean createdWithItsTable(Name index, RuleContext ctx) {
        List<Integer> positions = createIndexPositions(ctx).get(index.name());
        if (positions == null || positions.get(0) >= ctx.index()) {
            return false;
        }
        CreateIndex create = (CreateIndex) ctx.changes().get(positions.get(0));
        return create.table() != null && ctx.createdInThisFile(create.table());
    }

    private static Integer firstCreateAfter(Name index, RuleContext ctx) {
        List<Integer> positions = createIndexPositions(ctx).get(index.name());
        if (positions != null) {
            for (int p : positions) {
                if (p > ctx.index() && ((CreateIndex) ctx.changes().get(p)).name().sameObject(index)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Index name → positions of the file's CREATE INDEX statements of that name, built once per file. */
    private static Map<String, List<Integer>> createIndexPositions(RuleContext ctx) {
        return ctx.perFile(RequireConcurrentDropIndex.class, () -> {
            Map<String, List<Integer>> positions = new HashMap<>();
            List<Change> all = ctx.changes();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i) instanceof CreateIndex create && create.name() != null) {
                    positions.computeIfAbsent(create.name().name(), k -> new ArrayList<>()).add(i);
                }
            }
            return positions;
        });
    }

    /** In an Alembic revision the op call itself takes the fix. */
    @Override
    public List<Fix> fixOpCall(OpCall call, String text, AlembicVersion.Version version) {
        return OpCallEdits.concurrently(call, text);
    }
}
