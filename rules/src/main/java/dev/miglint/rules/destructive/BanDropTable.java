package dev.miglint.rules.destructive;

import dev.miglint.change.Change;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Name;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;

import java.util.List;
import java.util.stream.Collectors;

@RuleInfo(
        id = "ban-drop-table",
        summary = "DROP TABLE deletes the table's rows for good and breaks code that still queries it",
        category = Category.DESTRUCTIVE,
        severity = Severity.ERROR,
        fixable = false,
        since = "0.1.0",
        help = "Dropping a table deletes every row in it, with no way back short of a restore, and the "
                + "application version still running during the deploy fails on every query that names it. "
                + "IF EXISTS or a DO block make the drop re-runnable, not safe. Retire a table in steps: stop "
                + "reading and writing it in code, deploy, keep a backup or rename it aside, and drop it in a "
                + "later migration once no running version uses it; then accept the reviewed drop with "
                + "`-- miglint-ignore ban-drop-table: <reason>`. Tables created earlier in the same file, "
                + "temporary tables (pg_temp) and down migrations are not reported.")
public final class BanDropTable implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof Drop drop) || !drop.objectKind().equals("TABLE")) {
            return;
        }
        List<Name> lost = drop.names().stream().filter(name -> !scratch(name, ctx)).toList();
        if (lost.isEmpty() || ctx.inDownMigration()) {
            return;
        }
        String names = lost.stream().map(Name::qualified).collect(Collectors.joining(", "));
        String what = lost.size() == 1 ? "table " + names + " and all its rows" : "tables " + names + " and all their rows";
        ctx.report(change, "DROP TABLE deletes " + what + " and breaks running code that still queries "
                + (lost.size() == 1 ? "it" : "them") + ": drop only after a deploy that stopped using "
                + (lost.size() == 1 ? "it" : "them") + ", and say so in a miglint-ignore comment");
    }

    /** A table this file made for itself, or a temporary one: dropping it loses nothing that was there before. */
    private static boolean scratch(Name name, RuleContext ctx) {
        return "pg_temp".equals(name.schema()) || ctx.createdInThisFile(name);
    }
}
