package dev.miglint.rules.destructive;

import dev.miglint.change.Change;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Change.DropColumn;
import dev.miglint.change.Change.DropConstraint;
import dev.miglint.change.Name;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;

import java.util.Locale;
import java.util.stream.Collectors;

@RuleInfo(
        id = "ban-cascade",
        summary = "DROP … CASCADE silently drops every object that depends on the one dropped",
        category = Category.DESTRUCTIVE,
        severity = Severity.WARNING,
        fixable = false,
        since = "0.1.0",
        help = "CASCADE makes PostgreSQL drop, without listing them, every object that depends on the one being "
                + "dropped: views and materialized views over a table or column, foreign keys pointing at it, "
                + "policies, triggers, functions using a type, and then whatever depends on those. The author sees "
                + "one DROP; production loses objects other migrations made. Drop the dependents explicitly, each in "
                + "its own statement, and then the object without CASCADE, so that PostgreSQL refuses the drop if "
                + "something was missed. Objects of tables created earlier in the same file and down migrations are "
                + "not reported; accept a reviewed CASCADE with `-- miglint-ignore ban-cascade: <reason>`.")
public final class BanCascade implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        String what = null;
        if (change instanceof Drop drop && drop.cascade() && !scratchTables(drop, ctx)) {
            String names = drop.names().stream().map(Name::qualified).collect(Collectors.joining(", "));
            what = drop.objectKind().equals("OWNED") ? "the objects owned by " + names
                    : drop.objectKind().toLowerCase(Locale.ROOT) + " " + names
                    + (drop.on() == null ? "" : " on " + drop.on());
        } else if (change instanceof DropColumn drop && drop.cascade() && !ctx.createdInThisFile(drop.table())) {
            what = "column " + drop.column() + " of " + drop.table();
        } else if (change instanceof DropConstraint drop && drop.cascade() && !ctx.createdInThisFile(drop.table())) {
            what = "constraint " + drop.name() + " of " + drop.table();
        }
        if (what == null || ctx.inDownMigration()) {
            return;
        }
        ctx.report(change, "Dropping " + what + " with CASCADE also "
                + "silently drops everything that depends on it (views, foreign keys, …): drop those explicitly first "
                + "and drop this without CASCADE");
    }

    /** A DROP TABLE of tables made earlier in this file: whatever depends on them was made here too. */
    private static boolean scratchTables(Drop drop, RuleContext ctx) {
        return drop.objectKind().equals("TABLE") && !drop.names().isEmpty()
                && drop.names().stream().allMatch(ctx::createdInThisFile);
    }
}
