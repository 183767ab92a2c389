package dev.miglint.rules.meta;

import dev.miglint.rules.Category;
import dev.miglint.rules.MetaRule;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

@RuleInfo(id = IgnoreWithoutReason.ID, category = Category.META, severity = Severity.INFO, fixable = false, since = "0.1.0",
        summary = "an ignore comment without a reason",
        help = "Write why the ignored statement is safe after a colon: miglint-ignore <rule>: <why>. The reason is what the next reviewer reads before trusting it; the editor's ignore action leaves <reason> for you to type over.")
public final class IgnoreWithoutReason implements MetaRule {

    public static final String ID = "ignore-without-reason";
}
