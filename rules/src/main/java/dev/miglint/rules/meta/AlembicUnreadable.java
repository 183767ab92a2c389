package dev.miglint.rules.meta;

import dev.miglint.rules.Category;
import dev.miglint.rules.MetaRule;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

@RuleInfo(id = AlembicUnreadable.ID, category = Category.META, severity = Severity.INFO, fixable = false, since = "0.1.0",
        summary = "a part of an Alembic revision miglint could not read",
        help = "Unusual Python in a revision is skipped, not guessed at, so the SQL rules do not see what is skipped. The rest of the revision is still checked; review the skipped part by hand.")
public final class AlembicUnreadable implements MetaRule {

    public static final String ID = "alembic-unreadable";
}
