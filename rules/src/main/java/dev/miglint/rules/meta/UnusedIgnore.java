package dev.miglint.rules.meta;

import dev.miglint.rules.Category;
import dev.miglint.rules.MetaRule;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

@RuleInfo(id = UnusedIgnore.ID, category = Category.META, severity = Severity.INFO, fixable = false, since = "0.1.0",
        summary = "an ignore comment that silenced nothing",
        help = "An ignore that silences nothing hides nothing today, but it will hide a real problem the day one appears there. Remove it.")
public final class UnusedIgnore implements MetaRule {

    public static final String ID = "unused-ignore";
}
