package dev.miglint.rules.drizzle;

import dev.miglint.drizzle.DrizzleFolder;
import dev.miglint.drizzle.DrizzleJournal;
import dev.miglint.drizzle.JournalEntry;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

import java.util.Optional;


/**
 * drizzle-journal-order: each {@code when} must be later than all before it. drizzle's PostgreSQL
 * migrator reads the newest {@code created_at} it recorded and applies only entries later than that.
 */
@RuleInfo(id = "drizzle-journal-order", category = Category.CORRECTNESS, severity = Severity.ERROR, fixable = false,
        since = "0.1.0",
        summary = "a journal entry whose when is not later than every entry before it",
        help = "On PostgreSQL drizzle's migrator applies only entries whose when is later than the created_at "
                    + "of the last migration the database recorded, so an entry that is not later is skipped "
                    + "without a word. Give it a when after its predecessors' (or regenerate it).")
public final class DrizzleJournalOrder implements FolderRule {


    @Override
    public void check(DrizzleFolder folder, Optional<DrizzleJournal> found, Report report) {
        found.ifPresent(journal -> check(journal, report));
    }

    private void check(DrizzleJournal journal, Report report) {
        JournalEntry latest = null;
        for (JournalEntry e : journal.entries()) {
            if (e.when().isEmpty()) {
                continue; // reported as a journal problem
            }
            if (latest != null && e.when().getAsLong() <= latest.when().getAsLong()) {
                report.add(journal.file(), finding("when " + e.when().getAsLong() + " of " + e.tag()
                        + " is not later than " + latest.when().getAsLong() + " of " + latest.tag()
                        + ": a database that has applied " + latest.tag() + " silently skips " + e.tag(),
                        e.whenSpan()));
                continue;
            }
            latest = e;
        }
    }
}
