package dev.miglint.drizzle.schema;

import dev.miglint.text.Span;

import java.util.List;

/**
 * A {@code // miglint-ignore rule[, rule]: reason} comment. It silences those rules on the table or
 * column whose declaration starts at {@code target} (the next token after the comment);
 * {@code miglint-ignore-file} silences them in the whole file.
 */
public record DrizzleIgnore(Span comment, List<String> rules, String reason, int target, boolean fileWide) {

    public DrizzleIgnore {
        rules = List.copyOf(rules);
    }

    public boolean silences(String rule, int declarationStart) {
        return rules.contains(rule) && (fileWide || target == declarationStart);
    }
}
