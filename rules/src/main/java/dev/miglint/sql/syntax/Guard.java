package dev.miglint.sql.syntax;

import dev.miglint.text.Span;

import java.util.List;

/**
 * What protects a statement inside a DO block from failing on a re-run.
 *
 * @param doBlock         the DO statement's span, or null at top level
 * @param handlers        conditions of every enclosing {@code EXCEPTION WHEN …} (lower case)
 * @param conditions      the enclosing {@code IF …} conditions, as written
 * @param handlerClauses  where the conditions of each {@code WHEN … THEN} of the innermost enclosing
 *                        block with an EXCEPTION section are written, from the first condition to the
 *                        last (what a fix replaces); empty when no block around has handlers
 */
public record Guard(Span doBlock, List<String> handlers, List<String> conditions, List<Span> handlerClauses) {

    public static final Guard NONE = new Guard(null, List.of(), List.of(), List.of());

    public boolean inDoBlock() {
        return doBlock != null;
    }

    /** True when an enclosing handler catches {@code state}. */
    public boolean catches(SqlState state) {
        for (String condition : handlers) {
            if (SqlState.conditionCatches(condition, state)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasHandlers() {
        return !handlers.isEmpty();
    }

    /** True when an enclosing IF tests for (non-)existence, e.g. {@code IF NOT EXISTS (SELECT … pg_type …)}. */
    public boolean checksExistence() {
        for (String condition : conditions) {
            String c = condition.toLowerCase(java.util.Locale.ROOT);
            if (c.contains("exists") || c.contains("to_regclass") || c.contains("to_regtype")) {
                return true;
            }
        }
        return false;
    }
}
