package dev.miglint.rules.locking;

import dev.miglint.change.Name;
import dev.miglint.rules.RuleContext;

/** Whether a table is new in this migration: empty and unused, so locking it harms no one. */
final class Tables {

    private Tables() {
    }

    /** True when the table was created earlier in this file (see {@link RuleContext#createdInThisFile}). */
    static boolean isNew(Name table, RuleContext ctx) {
        return ctx.createdInThisFile(table);
    }
}
