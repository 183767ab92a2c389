package dev.miglint.rules;

import dev.miglint.text.Span;

import java.util.Comparator;
import java.util.List;

/**
 * What a rule found: where (UTF-16 offsets), how bad, what to do, and how to fix it.
 *
 * @param rule the rule id
 * @param help why the rule exists and the safe alternative
 */
public record Finding(String rule, Severity severity, String message, String help, Span range, List<Fix> fixes) {

    /** The order findings are reported in: by position, then rule id. */
    public static final Comparator<Finding> IN_TEXT_ORDER = Comparator
            .comparingInt((Finding f) -> f.range().start())
            .thenComparing(Finding::rule);

    public Finding {
        fixes = List.copyOf(fixes);
    }
}
