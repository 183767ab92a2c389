package dev.miglint.rules;

import dev.miglint.sql.Span;

import java.util.List;

/**
 * What a rule found: where (UTF-16 offsets), how bad, what to do, and how to fix it.
 *
 * @param rule the rule id
 * @param help why the rule exists and the safe alternative
 */
public record Finding(String rule, Severity severity, String message, String help, Span range, List<Fix> fixes) {

    public Finding {
        fixes = List.copyOf(fixes);
    }
}
