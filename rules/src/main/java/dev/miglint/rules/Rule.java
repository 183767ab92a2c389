package dev.miglint.rules;

import dev.miglint.text.Span;

import java.util.List;

/**
 * A rule of any granularity. Its metadata is the {@link RuleInfo} on its class; the interface it
 * implements says what it judges at once (a statement, a revision, a history, a folder, models).
 */
public interface Rule {

    Granularity granularity();

    default RuleInfo info() {
        RuleInfo info = getClass().getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(getClass().getName() + " has no @RuleInfo");
        }
        return info;
    }

    default String id() {
        return info().id();
    }

    /** A finding of this rule at its default severity, without fixes; the engine applies the configured level. */
    default Finding finding(String message, Span range) {
        return finding(info().severity(), message, range);
    }

    /** A finding at another level than the rule's default, for the softer cases of a rule. */
    default Finding finding(Severity level, String message, Span range) {
        return new Finding(info().id(), level, message, info().help(), range, List.of());
    }
}
