package dev.miglint.rules.meta;

import dev.miglint.rules.Category;
import dev.miglint.rules.MetaRule;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

@RuleInfo(id = UnreadableFile.ID, category = Category.META, severity = Severity.ERROR, fixable = false, since = "0.1.0",
        summary = "a file miglint could not read as UTF-8 text",
        help = "miglint reads migrations as UTF-8 text. A file that is not (another encoding, binary content) is not checked at all, so CI must not pass it silently. Save it as UTF-8, or exclude it in .miglint.json.")
public final class UnreadableFile implements MetaRule {

    public static final String ID = "unreadable-file";
}
