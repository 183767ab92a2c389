package dev.miglint.rules.meta;

import dev.miglint.rules.Category;
import dev.miglint.rules.MetaRule;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

@RuleInfo(id = NotAnalysed.ID, category = Category.META, severity = Severity.INFO, fixable = false, since = "0.1.0",
        summary = "a document the editor declines to analyse while typing",
        help = "miglint declines documents it cannot analyse quickly and safely while you type (larger than 5 MB, or binary content). Run miglint check on the file instead.")
public final class NotAnalysed implements MetaRule {

    public static final String ID = "not-analysed";
}
