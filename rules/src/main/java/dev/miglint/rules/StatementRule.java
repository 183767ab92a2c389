package dev.miglint.rules;

import dev.miglint.change.Change;

/**
 * A rule over SQL changes. Implementations are stateless: the analyzer calls {@link #check} for every
 * change of a file in text order (DO block bodies included), and per-file state lives in the context.
 */
public interface StatementRule extends Rule {

    void check(Change change, RuleContext ctx);

    /** Called once after the last change, for rules about the file as a whole (an unclosed BEGIN). */
    default void finish(RuleContext ctx) {
    }

    @Override
    default Granularity granularity() {
        return Granularity.STATEMENT;
    }
}
