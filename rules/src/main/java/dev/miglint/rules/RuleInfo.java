package dev.miglint.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A rule's metadata, declared once on its class; docs and reports read it from here. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** Stable kebab-case id: names the fixture folder and the docs page. */
    String id();

    /** One line, no trailing period. */
    String summary();

    Category category();

    Severity severity();

    boolean fixable();

    /** The miglint version that introduced the rule. */
    String since();

    /** Why the rule exists and the safe alternative, in a few sentences. */
    String help();

    /** Opt-in rules are off until configured ("off" in the catalogue). */
    boolean optIn() default false;
}
