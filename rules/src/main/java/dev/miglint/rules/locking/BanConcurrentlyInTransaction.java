package dev.miglint.rules.locking;

import dev.miglint.alembic.AlembicVersion;
import dev.miglint.alembic.OpCall;
import dev.miglint.change.Change;
import dev.miglint.change.Change.AlterTable;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Change.Utility;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.rules.TransactionBlocks;
import dev.miglint.rules.alembic.OpCallEdits;
import dev.miglint.rules.alembic.OpCallFixes;

import java.util.List;

@RuleInfo(
        id = "ban-concurrently-in-transaction",
        summary = "CREATE/DROP INDEX, REINDEX and DETACH PARTITION CONCURRENTLY fail inside a transaction",
        category = Category.LOCKING,
        severity = Severity.ERROR,
        fixable = false,
        since = "0.1.0",
        help = "PostgreSQL refuses CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX … CONCURRENTLY "
                + "and ALTER TABLE … DETACH PARTITION … CONCURRENTLY inside a transaction block or a DO block "
                + "(SQLSTATE 25001, active_sql_transaction), so the migration fails when it reaches the "
                + "statement. Runners wrap files in transactions of their own: Flyway wraps a file unless a "
                + "statement in it must run outside one, and then refuses other statements beside it (unless "
                + "mixed=true); Prisma sends a file as one query, which runs as one transaction when it holds "
                + "more than one statement; drizzle-kit, the Supabase CLI and Alembic always use a transaction. "
                + "Give each such statement a migration file of its own, outside BEGIN … COMMIT. REFRESH "
                + "MATERIALIZED VIEW CONCURRENTLY may run in a transaction and is not flagged.")
public final class BanConcurrentlyInTransaction implements StatementRule, OpCallFixes {

    @Override
    public void check(Change change, RuleContext ctx) {
        String what = concurrentOperation(change);
        if (what == null) {
            return;
        }
        Transactions.Trap trap = Transactions.trap(change, ctx);
        if (trap == null) {
            return;
        }
        ctx.report(change, what + " cannot run inside a transaction block and this one runs " + trap.where()
                + ": " + trap.remedy());
    }

    /** "CREATE INDEX CONCURRENTLY" etc. for the statements PostgreSQL refuses in a transaction, else null. */
    private static String concurrentOperation(Change change) {
        if (change instanceof CreateIndex index && index.concurrently()) {
            return "CREATE INDEX CONCURRENTLY";
        }
        if (change instanceof Drop drop && drop.concurrently()) {
            return "DROP " + drop.objectKind() + " CONCURRENTLY";
        }
        if (change instanceof Utility utility && utility.command().equals("REINDEX")
                && Locks.hasWord(utility.statement(), "CONCURRENTLY")) {
            return "REINDEX CONCURRENTLY";
        }
        if (change instanceof AlterTable alter && TransactionBlocks.detachesConcurrently(alter)) {
            return "DETACH PARTITION CONCURRENTLY";
        }
        return null;
    }

    /** In an Alembic revision the op call itself takes the fix. */
    @Override
    public List<Fix> fixOpCall(OpCall call, String text, AlembicVersion.Version version) {
        return OpCallEdits.concurrently(call, text);
    }
}
