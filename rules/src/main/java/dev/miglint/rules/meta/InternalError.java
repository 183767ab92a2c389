package dev.miglint.rules.meta;

import dev.miglint.rules.Category;
import dev.miglint.rules.MetaRule;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

@RuleInfo(id = InternalError.ID, category = Category.META, severity = Severity.ERROR, fixable = false, since = "0.1.0",
        summary = "miglint failed on this file or statement",
        help = "This is a bug in miglint, not in your migration: a rule or reader threw on this input. The other rules and files are still checked. Please report it with the statement that triggers it.")
public final class InternalError implements MetaRule {

    public static final String ID = "internal-error";
}
