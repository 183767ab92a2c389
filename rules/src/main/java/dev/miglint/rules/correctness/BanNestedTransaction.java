package dev.miglint.rules.correctness;

import dev.miglint.change.Change;
import dev.miglint.change.Change.Transaction;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;

@RuleInfo(
        id = "ban-nested-transaction",
        summary = "BEGIN inside a transaction that is already open, in the file or opened by the runner",
        category = Category.CORRECTNESS,
        severity = Severity.WARNING,
        fixable = false,
        since = "0.1.0",
        help = "PostgreSQL has no nested transactions: a BEGIN inside an open transaction only draws the "
                + "warning \"there is already a transaction in progress\", and the first COMMIT ends the one "
                + "transaction there is. When the runner (Flyway, Supabase, Alembic, drizzle-kit, Prisma for "
                + "files of several statements) already runs the file in its own transaction, the file's COMMIT "
                + "commits the runner's transaction early, so the statements after it, and the runner's own "
                + "bookkeeping, run outside any transaction and a failure can no longer be rolled back. Remove "
                + "the BEGIN and its COMMIT and let the runner handle the transaction; use SAVEPOINT for a "
                + "partial rollback inside one.")
public final class BanNestedTransaction implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof Transaction t) || !t.command().equals("BEGIN") || t.statement().guard().inDoBlock()) {
            return;
        }
        if (ctx.inExplicitTransaction()) {
            ctx.report(change, "BEGIN inside a transaction this file already opened does nothing but warn, and the "
                    + "first COMMIT ends both: remove this BEGIN, or COMMIT the earlier transaction before it");
        } else if (ctx.runnerWrapsFile()) {
            ctx.report(change, "The " + ctx.runner().label() + " runner already runs this file in a transaction: "
                    + "this BEGIN only warns and the file's COMMIT ends the runner's transaction early; remove "
                    + "BEGIN and COMMIT from the file");
        }
    }
}
