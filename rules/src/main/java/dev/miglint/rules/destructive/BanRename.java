package dev.miglint.rules.destructive;

import dev.miglint.change.Change;
import dev.miglint.change.Change.RenameColumn;
import dev.miglint.change.Change.RenameTable;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;

@RuleInfo(
        id = "ban-rename",
        summary = "Renaming a table or column breaks the code still running with the old name",
        category = Category.DESTRUCTIVE,
        severity = Severity.WARNING,
        fixable = false,
        since = "0.1.0",
        help = "During a deploy the previous version of the application keeps running against the migrated "
                + "database, and every query of it that names the old table or column fails from the moment the "
                + "rename commits. Expand and contract instead: add the new column (or table), write to both from "
                + "the code, backfill the new one, switch reads over, and drop the old one in a later migration "
                + "once no running version uses it. A table can also be renamed with a view under the old name "
                + "kept until the old code is gone. Tables created and columns added earlier in the same file, "
                + "which no deployed code knows yet, and down migrations are not reported; accept a reviewed rename "
                + "with `-- miglint-ignore ban-rename: <reason>`.")
public final class BanRename implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (change instanceof RenameTable rename) {
            if (ctx.createdInThisFile(rename.table()) || ctx.inDownMigration()) {
                return;
            }
            ctx.report(change, "Renaming table " + rename.table() + (rename.to() == null ? "" : " to " + rename.to())
                    + " breaks running code that still uses the old name: create the new table (or a view) and move "
                    + "the code over before the old name goes");
        } else if (change instanceof RenameColumn rename) {
            if (rename.from() == null || ctx.createdInThisFile(rename.table())
                    || ctx.addedInThisFile(rename.table(), rename.from()) || ctx.inDownMigration()) {
                return;
            }
            ctx.report(change, "Renaming column " + rename.from() + " of " + rename.table()
                    + (rename.to() == null ? "" : " to " + rename.to()) + " breaks running code that still uses "
                    + rename.from() + ": add the new column, write both, backfill, switch reads, then drop the old one");
        }
    }
}
