package dev.miglint.rules.destructive;

import dev.miglint.change.Change;
import dev.miglint.change.Change.CreateObject;
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
        id = "ban-drop-schema",
        summary = "DROP SCHEMA and DROP DATABASE delete whole namespaces of tables and data",
        category = Category.DESTRUCTIVE,
        severity = Severity.ERROR,
        fixable = false,
        since = "0.1.0",
        help = "DROP SCHEMA … CASCADE deletes every table, view, function and row in the schema; without "
                + "CASCADE it fails as soon as anything is left in it, which a re-run or another team's object "
                + "can cause. DROP DATABASE deletes a whole database and cannot run inside the transaction most "
                + "runners open. Move or drop the schema's objects one by one in reviewed migrations, then drop "
                + "the empty schema without CASCADE and accept it with `-- miglint-ignore ban-drop-schema: "
                + "<reason>`; drop databases by hand, not from a migration. Schemas created earlier in the same "
                + "file and down migrations are not reported.")
public final class BanDropSchema implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof Drop drop)) {
            return;
        }
        if (drop.objectKind().equals("SCHEMA")) {
            schema(drop, ctx);
        } else if (drop.objectKind().equals("DATABASE") && !ctx.inDownMigration()) {
            ctx.report(change, "DROP DATABASE " + names(drop.names()) + " deletes a whole database: drop databases "
                    + "by hand after a backup, not from a migration");
        }
    }

    private static void schema(Drop drop, RuleContext ctx) {
        List<Name> lost = drop.names().stream().filter(name -> !createdEarlier(name, ctx)).toList();
        if (lost.isEmpty() || ctx.inDownMigration()) {
            return;
        }
        String names = names(lost);
        if (drop.cascade()) {
            ctx.report(drop, "DROP SCHEMA " + names + " CASCADE deletes every table, view, function and row in it: "
                    + "drop what it holds one by one in reviewed migrations, then the empty schema without CASCADE");
        } else {
            ctx.report(drop, "DROP SCHEMA " + names + " removes a namespace running code may still use: drop it only "
                    + "once it is empty and unused, and say so in a miglint-ignore comment");
        }
    }

    private static boolean createdEarlier(Name schema, RuleContext ctx) {
        for (Change before : ctx.before()) {
            if (before instanceof CreateObject create && create.objectKind().equals("SCHEMA")
                    && create.name() != null && create.name().name().equals(schema.name())) {
                return true;
            }
        }
        return false;
    }

    private static String names(List<Name> names) {
        return names.stream().map(Name::qualified).collect(Collectors.joining(", "));
    }
}
