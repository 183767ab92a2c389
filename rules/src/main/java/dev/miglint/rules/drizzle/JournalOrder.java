package dev.miglint.rules.drizzle;

import dev.miglint.drizzle.DrizzleJournal;
import dev.miglint.drizzle.JournalEntry;

import static dev.miglint.rules.drizzle.DrizzleRule.JOURNAL_ORDER;

/**
 * drizzle-journal-order: each {@code when} must be later than all before it. drizzle's PostgreSQL
 * migrator reads the newest {@code created_at} it recorded and applies only entries later than that.
 */
final class JournalOrder {

    private JournalOrder() {
    }

    static void check(DrizzleJournal journal, Report report) {
        JournalEntry latest = null;
        for (JournalEntry e : journal.entries()) {
            if (e.when().isEmpty()) {
                continue; // reported as a journal problem
            }
            if (latest != null && e.when().getAsLong() <= latest.when().getAsLong()) {
                report.add(journal.file(), JOURNAL_ORDER.finding("when " + e.when().getAsLong() + " of " + e.tag()
                        + " is not later than " + latest.when().getAsLong() + " of " + latest.tag()
                        + ": a database that has applied " + latest.tag() + " silently skips " + e.tag(),
                        e.whenSpan()));
                continue;
            }
            latest = e;
        }
    }
}
