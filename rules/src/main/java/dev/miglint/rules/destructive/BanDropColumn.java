package dev.miglint.rules.destructive;

import dev.miglint.change.Change;
import dev.miglint.change.Change.DropColumn;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;

@RuleInfo(
        id = "ban-drop-column",
        summary = "DROP COLUMN deletes data and breaks code that still reads the column",
        category = Category.DESTRUCTIVE,
        severity = Severity.ERROR,
        fixable = false,
        since = "0.1.0",
        help = "Dropping a column deletes its data for good, and the application version still running "
                + "during the deploy fails on every query that names it. Expand and contract instead: stop "
                + "reading and writing the column in code, deploy, and drop it in a later migration once no "
                + "running version uses it. When that has been done, accept the drop with `-- miglint-ignore ban-drop-column: <reason>`. Columns "
                + "of tables created, and columns added, earlier in the same file hold nothing older than the migration "
                + "and are not reported, nor are down migrations.")
public final class BanDropColumn implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (change instanceof DropColumn drop && !ctx.createdInThisFile(drop.table())
                && !ctx.addedInThisFile(drop.table(), drop.column()) && !ctx.inDownMigration()) {
            ctx.report(change, "Dropping column " + drop.column() + " of " + drop.table()
                    + " deletes its data and breaks running code that still uses it: drop it only after a deploy "
                    + "that stopped using it");
        }
    }
}
