package dev.miglint.rules.meta;

import dev.miglint.rules.Category;
import dev.miglint.rules.MetaRule;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

@RuleInfo(id = InvalidIgnore.ID, category = Category.META, severity = Severity.WARNING, fixable = false, since = "0.1.0",
        summary = "an ignore comment that names no known rule or is not above a statement",
        help = "An ignore comment silences the rules it names on the statement (SQL), op call or line (Python) or declaration (TypeScript) that follows it, or in the whole file with miglint-ignore-file. One that names an unknown rule, or sits where nothing follows it, silences nothing. Fix the rule id (see miglint rules) or move the comment.")
public final class InvalidIgnore implements MetaRule {

    public static final String ID = "invalid-ignore";
}
