package dev.miglint.rules.locking;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.Delete;
import dev.miglint.change.Change.Truncate;
import dev.miglint.change.ColumnDef;
import dev.miglint.change.Name;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;

@RuleInfo(
        id = "ban-required-column",
        summary = "ADD COLUMN … NOT NULL without a DEFAULT fails on a table that holds rows",
        category = Category.LOCKING,
        severity = Severity.ERROR,
        fixable = false,
        since = "0.1.0",
        help = "A new column is NULL in every existing row unless it has a DEFAULT, so ADD COLUMN … NOT NULL "
                + "without one fails with not_null_violation (23502) on any table that is not empty: it passes in "
                + "development and breaks the deploy. Give the column a DEFAULT (a constant one is added without a "
                + "rewrite on PostgreSQL 11 and later), or add it nullable, backfill it, and set NOT NULL afterwards "
                + "(see ban-set-not-null). Identity, serial and generated columns fill existing rows themselves "
                + "and are accepted, as are tables created in the same migration or emptied earlier in it by DELETE without "
                + "WHERE or TRUNCATE.")
public final class BanRequiredColumn implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof AddColumn add) || add.table() == null || ctx.createdInThisFile(add.table())) {
            return;
        }
        ColumnDef column = add.column();
        if (!column.notNull() || ColumnFacts.hasDefault(column) || column.generated() || ColumnFacts.isSerial(column)
                || emptiedBefore(add.table(), ctx)) {
            return;
        }
        ctx.report(change, "ADD COLUMN " + column.name() + " NOT NULL without a DEFAULT fails as soon as "
                + add.table() + " holds a row: add a DEFAULT, or add the column nullable, backfill it, then set NOT "
                + "NULL");
    }

    /** A DELETE without WHERE or a TRUNCATE earlier in the file leaves no row to fail on (Prisma writes these). */
    private static boolean emptiedBefore(Name table, RuleContext ctx) {
        for (Change c : ctx.before()) {
            if (c instanceof Delete d && !d.hasWhere() && table.sameObject(d.table())
                    || c instanceof Truncate t && t.tables().stream().anyMatch(table::sameObject)) {
                return true;
            }
        }
        return false;
    }
}
