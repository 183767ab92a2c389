package dev.miglint.rules.destructive;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AlterColumnType;
import dev.miglint.change.Change.SetConfig;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.schema.ColumnInfo;
import dev.miglint.schema.TableInfo;

import java.util.Locale;
import java.util.Set;

@RuleInfo(
        id = "ban-column-type-change",
        summary = "Changing a column's type rewrites the table under an exclusive lock, except for known-safe widenings",
        category = Category.DESTRUCTIVE,
        severity = Severity.WARNING,
        fixable = false,
        since = "0.1.0",
        help = "ALTER COLUMN … TYPE holds an ACCESS EXCLUSIVE lock on the table while PostgreSQL rewrites every row "
                + "and rebuilds every index, blocking reads and writes for as long as that takes, and values that do "
                + "not convert fail the migration or, with USING, are changed for good; code still running may not "
                + "expect the new type. Some changes need no rewrite and are not reported: varchar(n) to a longer "
                + "varchar, to varchar or to text; text to varchar; numeric(p,s) to a larger precision with the same "
                + "scale or to numeric; timestamp(p) and timestamptz(p) to a larger precision; cidr to inet; bit(n) "
                + "or varbit(n) to a longer varbit. timestamp to timestamptz skips the rewrite only on PostgreSQL 12+ "
                + "with the session TimeZone set to UTC, so it is reported unless the file says SET TimeZone = 'UTC' "
                + "first. The current type comes from the earlier migrations; when they do not say, the change is "
                + "reported. For any other change, add a new column of the new type, write to both, backfill in "
                + "batches, switch reads over, and drop the old column later. Tables created earlier in the same "
                + "file and down migrations are not reported; accept a reviewed change with "
                + "`-- miglint-ignore ban-column-type-change: <reason>`.")
public final class BanColumnTypeChange implements StatementRule {

    /** Zones with a zero offset and no daylight saving: PostgreSQL 12+ converts timestamp to timestamptz in place. */
    private static final Set<String> UTC_ZONES = Set.of("utc", "etc/utc", "uct", "etc/uct", "gmt", "etc/gmt",
            "zulu", "etc/zulu", "universal", "etc/universal", "greenwich", "etc/greenwich", "gmt0", "etc/gmt0");

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof AlterColumnType alter) || ctx.createdInThisFile(alter.table())
                || ctx.inDownMigration()) {
            return;
        }
        String column = alter.table() + "." + alter.column();
        String written = currentType(alter, ctx);
        SqlType from = SqlType.parse(written);
        SqlType to = SqlType.parse(alter.type());
        if (from == null || to == null) {
            ctx.report(change, "Changing " + column + " to " + alter.type() + " may rewrite the whole table under an "
                    + "ACCESS EXCLUSIVE lock, and its current type is " + (written == null ? "unknown to miglint"
                    : "not one miglint reads (" + written + ")") + ": check it is a no-rewrite widening, or add a new "
                    + "column and backfill it instead");
            return;
        }
        String fromTo = column + " from " + written.trim() + " to " + alter.type();
        if (alter.using() || TypeChanges.collates(change)) {
            ctx.report(change, "Changing " + fromTo + " with " + (alter.using() ? "USING" : "COLLATE")
                    + " rewrites the table (or its indexes) under an ACCESS EXCLUSIVE lock: add a new column, "
                    + "backfill it in batches and switch over instead");
        } else if (from.base().equals("timestamp") && to.base().equals("timestamptz") && !from.array() && !to.array()) {
            if (ctx.settings().postgresVersion() < 12) {
                ctx.report(change, "Changing " + fromTo + " rewrites the whole table under an ACCESS EXCLUSIVE lock "
                        + "before PostgreSQL 12: add a new column, backfill it in batches and switch over instead");
            } else if (!sessionIsUtc(ctx) || !TypeChanges.sameOrWiderPrecision(from, to)) {
                ctx.report(change, "Changing " + fromTo + " rewrites the whole table under an ACCESS EXCLUSIVE lock "
                        + "unless the session TimeZone is UTC: put SET TimeZone = 'UTC' before it in this file if the "
                        + "stored values are UTC, or add a new column and backfill it");
            }
        } else if (!TypeChanges.noRewrite(from, to)) {
            // A domain or extension type may be a constraint-free wrapper that needs no rewrite: say "can".
            String rewrites = from.builtIn() && to.builtIn() ? " rewrites" : " can rewrite";
            ctx.report(change, "Changing " + fromTo + rewrites + " the whole table and its indexes under an ACCESS "
                    + "EXCLUSIVE lock and can break code reading the column: add a new column, backfill it in batches "
                    + "and switch over instead");
        }
    }

    /** The column's type as the earlier migrations left it, or null when they do not say. */
    private static String currentType(AlterColumnType alter, RuleContext ctx) {
        TableInfo table = ctx.schema().table(alter.table());
        ColumnInfo column = table == null ? null : table.column(alter.column());
        return column == null || column.type() == null || column.type().isBlank() ? null : column.type();
    }

    /** True when the last SET of the time zone before this change made it UTC. */
    private static boolean sessionIsUtc(RuleContext ctx) {
        boolean utc = false;
        for (Change before : ctx.before()) {
            if (before instanceof SetConfig set && (set.parameter().equals("timezone")
                    || set.parameter().equals("time_zone"))) {
                String value = set.reset() || set.value() == null ? ""
                        : set.value().replace("'", "").trim().toLowerCase(Locale.ROOT);
                utc = UTC_ZONES.contains(value);
            }
        }
        return utc;
    }
}
