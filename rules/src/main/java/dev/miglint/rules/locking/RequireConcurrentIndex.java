package dev.miglint.rules.locking;

import dev.miglint.alembic.AlembicVersion;
import dev.miglint.alembic.OpCall;
import dev.miglint.change.Change;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.rules.alembic.OpCallEdits;
import dev.miglint.rules.alembic.OpCallFixes;

import java.util.List;

@RuleInfo(
        id = "require-concurrent-index",
        summary = "CREATE INDEX on an existing table needs CONCURRENTLY",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        fixable = true,
        since = "0.1.0",
        help = "CREATE INDEX holds a SHARE lock on the table for the whole build, so every INSERT, UPDATE and "
                + "DELETE waits until the index is built, minutes on a large table. CREATE INDEX CONCURRENTLY "
                + "takes a SHARE UPDATE EXCLUSIVE lock, which lets writes go on, at the price of two table scans. "
                + "It cannot run inside a transaction block: give it a migration of its own that the runner does "
                + "not wrap in a transaction. A failed concurrent build leaves an INVALID index behind; drop it "
                + "(DROP INDEX CONCURRENTLY IF EXISTS) before retrying. Tables created in the same migration are "
                + "exempt: nobody uses them yet.")
public final class RequireConcurrentIndex implements StatementRule, OpCallFixes {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof CreateIndex index) || index.concurrently() || index.table() == null
                || ctx.createdInThisFile(index.table())) {
            return;
        }
        String what = (index.unique() ? "CREATE UNIQUE INDEX" : "CREATE INDEX")
                + (index.name() == null ? "" : " " + index.name());
        String message = what + " takes " + Locks.aLock(Locks.SHARE) + " on " + index.table() + ", "
                + Locks.blocks(Locks.SHARE) + " until the index is built: use " + (index.unique() ? "CREATE UNIQUE INDEX" : "CREATE INDEX")
                + " CONCURRENTLY";
        IndexEdits.reportWithConcurrentlyFix(change, ctx, message);
    }

    /** In an Alembic revision the op call itself takes the fix. */
    @Override
    public List<Fix> fixOpCall(OpCall call, String text, AlembicVersion.Version version) {
        return OpCallEdits.concurrently(call, text);
    }
}
