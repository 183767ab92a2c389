package dev.miglint.rules.locking;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;

@RuleInfo(
        id = "ban-volatile-default",
        summary = "ADD COLUMN with a volatile DEFAULT rewrites the table under an ACCESS EXCLUSIVE lock",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        fixable = false,
        since = "0.1.0",
        help = "Since PostgreSQL 11, ADD COLUMN with a constant or STABLE default (a literal, now(), "
                + "CURRENT_TIMESTAMP) only records the value in the catalog. A VOLATILE default such as random(), "
                + "gen_random_uuid(), uuid_generate_v4(), clock_timestamp() or nextval() (which serial and "
                + "identity columns use) must be computed for each existing row, and so must a stored generated "
                + "column (GENERATED ALWAYS AS (…) STORED), so the whole table and its "
                + "indexes are rewritten while an ACCESS EXCLUSIVE lock blocks reads and writes. Before "
                + "PostgreSQL 11 every non-NULL default rewrites. Instead add the column without a default, then "
                + "ALTER COLUMN … SET DEFAULT (it applies to new rows only), and fill existing rows in batches. "
                + "Tables created in the same migration are exempt.")
public final class BanVolatileDefault implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof AddColumn add) || add.table() == null || ctx.createdInThisFile(add.table())) {
            return;
        }
        String cause = ColumnFacts.rewriteCause(add.column(), ctx.text(), ctx.settings().postgresVersion());
        if (cause == null) {
            return;
        }
        String mode = Locks.lockOf(change).orElseThrow();
        ctx.report(change, "ADD COLUMN " + add.column().name() + " " + cause + ", so it rewrites every row of "
                + add.table() + " under " + Locks.aLock(mode) + ", " + Locks.blocks(mode) + " meanwhile: add the column "
                + "without a default, SET DEFAULT afterwards, and backfill existing rows in batches");
    }
}
