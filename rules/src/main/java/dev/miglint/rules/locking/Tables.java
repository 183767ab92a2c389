package dev.miglint.rules.locking;

import dev.miglint.change.Change;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.Name;
import dev.miglint.rules.RuleContext;

import java.util.List;

/** Whether a table is new in this migration: empty and unused, so locking it harms no one. */
final class Tables {

    private Tables() {
    }

    /** True when the table was created earlier in this file, as the schema replay or the file itself says. */
    static boolean isNew(Name table, RuleContext ctx) {
        return ctx.createdInThisFile(table) || createdIn(table, ctx.before(), ctx);
    }

    /**
     * True when {@code changes} create the table. A plain CREATE TABLE proves it did not exist at that
     * point (it would fail otherwise), even when the replay of other files says it did: two alternative
     * schema dumps in one folder, or pg_dump --clean dropping and re-creating it.
     */
    static boolean createdIn(Name table, List<Change> changes, RuleContext ctx) {
        for (Change c : changes) {
            if (c instanceof CreateTable t && t.name().sameObject(table)
                    && (!t.ifNotExists() || !ctx.existedBeforeThisFile(table))) {
                return true;
            }
        }
        return false;
    }
}
