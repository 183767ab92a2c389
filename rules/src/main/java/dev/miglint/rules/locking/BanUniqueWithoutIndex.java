package dev.miglint.rules.locking;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.ConstraintKind;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;

@RuleInfo(
        id = "ban-unique-without-index",
        summary = "ADD UNIQUE / PRIMARY KEY on an existing table builds its index under an ACCESS EXCLUSIVE lock",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        fixable = false,
        since = "0.1.0",
        help = "ALTER TABLE … ADD UNIQUE or ADD PRIMARY KEY builds the constraint's index while holding an ACCESS "
                + "EXCLUSIVE lock on the table, so every read and write waits for the whole build. Build the "
                + "index first without blocking anyone, CREATE UNIQUE INDEX CONCURRENTLY <index> ON <table> "
                + "(<columns>), in a migration outside a transaction; then ALTER TABLE <table> ADD CONSTRAINT "
                + "<name> UNIQUE USING INDEX <index> (or PRIMARY KEY USING INDEX), which only takes the lock for a "
                + "moment. A PRIMARY KEY also needs its columns NOT NULL: see ban-set-not-null for doing that "
                + "without a long lock. Tables created in the same migration are exempt.")
public final class BanUniqueWithoutIndex implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof AddConstraint add) || add.usingIndex() || add.table() == null
                || add.constraintKind() != ConstraintKind.UNIQUE && add.constraintKind() != ConstraintKind.PRIMARY_KEY
                || ctx.createdInThisFile(add.table())) {
            return;
        }
        String kind = add.constraintKind() == ConstraintKind.UNIQUE ? "UNIQUE" : "PRIMARY KEY";
        String mode = Locks.lockOf(change).orElseThrow();
        ctx.report(change, "ADD " + kind + (add.name() == null ? "" : " " + add.name()) + " builds its index under "
                + Locks.aLock(mode) + " on " + add.table() + ", " + Locks.blocks(mode) + " until it is built: create the "
                + "index with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … " + kind + " USING INDEX");
    }
}
