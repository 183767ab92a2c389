package dev.miglint.rules.meta;

import dev.miglint.rules.Category;
import dev.miglint.rules.MetaRule;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

@RuleInfo(id = UnterminatedLiteral.ID, category = Category.META, severity = Severity.WARNING, fixable = false, since = "0.1.0",
        summary = "a quote, dollar quote or comment that never closes",
        help = "The rest of the file after an unclosed quote or comment is read as part of it, so the statements there are neither run as you expect nor checked. Close the quote or comment.")
public final class UnterminatedLiteral implements MetaRule {

    public static final String ID = "unterminated-literal";
}
