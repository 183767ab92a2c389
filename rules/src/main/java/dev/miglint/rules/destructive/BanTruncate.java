package dev.miglint.rules.destructive;

import dev.miglint.change.Change;
import dev.miglint.change.Change.Truncate;
import dev.miglint.change.Name;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;

import java.util.List;
import java.util.stream.Collectors;

@RuleInfo(
        id = "ban-truncate",
        summary = "TRUNCATE deletes every row of a table, and with CASCADE of every table referencing it",
        category = Category.DESTRUCTIVE,
        severity = Severity.ERROR,
        fixable = false,
        since = "0.1.0",
        help = "TRUNCATE empties a table at once, takes an ACCESS EXCLUSIVE lock while doing it, and fires "
                + "no DELETE triggers; TRUNCATE … CASCADE also empties every table with a foreign key to it, and "
                + "every table referencing those, which is rarely what the author had in mind. Delete only the "
                + "rows you mean to with DELETE … WHERE (in batches on large tables), or, for a table that really "
                + "must be emptied, accept the reviewed statement with `-- miglint-ignore ban-truncate: <reason>`. "
                + "Tables created earlier in the same file (without CASCADE), down migrations and GRANT TRUNCATE "
                + "are not reported.")
public final class BanTruncate implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof Truncate truncate)) {
            return;
        }
        // CASCADE reaches tables that reference these ones, which may well be older than this file.
        boolean onlyScratch = !truncate.cascade() && !truncate.tables().isEmpty()
                && truncate.tables().stream().allMatch(ctx::createdInThisFile);
        if (onlyScratch || ctx.inDownMigration()) {
            return;
        }
        String names = names(truncate.tables());
        if (truncate.cascade()) {
            ctx.report(change, "TRUNCATE " + names + " CASCADE deletes every row of " + names + " and of every table "
                    + "with a foreign key to it: delete the rows you mean to with DELETE … WHERE instead");
        } else {
            ctx.report(change, "TRUNCATE deletes every row of " + names + ": delete the rows you mean to with "
                    + "DELETE … WHERE instead, or say why the table must be emptied in a miglint-ignore comment");
        }
    }

    private static String names(List<Name> tables) {
        return tables.isEmpty() ? "the table" : tables.stream().map(Name::qualified).collect(Collectors.joining(", "));
    }
}
