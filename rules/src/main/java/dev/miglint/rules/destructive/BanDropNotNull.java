package dev.miglint.rules.destructive;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AlterColumn;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;

@RuleInfo(
        id = "ban-drop-not-null",
        summary = "DROP NOT NULL lets NULLs into a column that code may assume is always set",
        category = Category.DESTRUCTIVE,
        severity = Severity.INFO,
        fixable = false,
        since = "0.1.0",
        help = "Dropping NOT NULL is instant, but from then on the column may hold NULLs, and code written when it "
                + "could not (a mapper with a non-optional field, an aggregate, a comparison that treats NULL as a "
                + "value) breaks on the first such row, possibly in another service. Make every reader cope with "
                + "NULL first, deploy that, then drop the constraint; accept the reviewed change with "
                + "`-- miglint-ignore ban-drop-not-null: <reason>`. Columns of tables created, and columns added, "
                + "earlier in the same file are not reported, nor are down migrations.")
public final class BanDropNotNull implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof AlterColumn alter) || !"DROP NOT NULL".equals(alter.action())
                || ctx.createdInThisFile(alter.table()) || ctx.addedInThisFile(alter.table(), alter.column())
                || ctx.inDownMigration()) {
            return;
        }
        ctx.report(change, "Dropping NOT NULL on " + alter.table() + "." + alter.column() + " lets NULLs in where "
                + "code may assume a value: make sure every reader handles NULL before this runs");
    }
}
