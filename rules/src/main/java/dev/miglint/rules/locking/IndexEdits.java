package dev.miglint.rules.locking;

import dev.miglint.change.Change;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.text.TextEdit;

import java.util.List;

/** Text edits around the INDEX keyword of CREATE/DROP INDEX. */
final class IndexEdits {

    private IndexEdits() {
    }

    /** Inserts {@code text} right after the statement's first INDEX keyword. */
    static List<TextEdit> afterIndexKeyword(Change change, String text) {
        Statement s = change.statement();
        for (int i = 0; i < s.size(); i++) {
            if (s.isWord(i, "INDEX")) {
                return List.of(TextEdit.insert(s.token(i).end(), text));
            }
        }
        throw new IllegalStateException("no INDEX keyword in " + s.text());
    }

    /**
     * Reports a CREATE/DROP INDEX that should be CONCURRENTLY: with the fix that adds it, or, where
     * the statement runs in a transaction that would refuse it, with what to do instead.
     */
    static void reportWithConcurrentlyFix(Change change, RuleContext ctx, String message) {
        Transactions.Trap trap = Transactions.trap(change, ctx);
        if (trap != null) {
            ctx.report(change, message + " and " + trap.remedy() + ": here it runs " + trap.where()
                    + ", where CONCURRENTLY is refused");
            return;
        }
        ctx.report(change, message, new Fix("Add CONCURRENTLY", afterIndexKeyword(change, " CONCURRENTLY")));
    }
}
