package dev.miglint.rules.drizzle;

import dev.miglint.rules.Finding;
import dev.miglint.rules.ProjectRule;
import dev.miglint.rules.Severity;
import dev.miglint.text.Span;

import java.util.List;

/**
 * The drizzle folder rules {@link DrizzleChecks} checks, with their metadata. They judge how the
 * journal, the SQL files and the snapshots fit together, not SQL, so they are not {@code Rule}s of
 * the SQL engine.
 */
public enum DrizzleRule implements ProjectRule {

    JOURNAL_MISMATCH("drizzle-journal-mismatch", Severity.ERROR,
            "a migration file missing from the journal, a journal entry without its file, two files with one number",
            "drizzle's migrator runs exactly the journal's entries: a file the journal does not list is never "
                    + "applied, and an entry whose file is gone stops every migration run. Two files with one "
                    + "number usually come from merging two branches; regenerate one of them after the merge."),
    JOURNAL_ORDER("drizzle-journal-order", Severity.ERROR,
            "a journal entry whose when is not later than every entry before it",
            "On PostgreSQL drizzle's migrator applies only entries whose when is later than the created_at "
                    + "of the last migration the database recorded, so an entry that is not later is skipped "
                    + "without a word. Give it a when after its predecessors' (or regenerate it)."),
    SNAPSHOT_CHAIN("drizzle-snapshot-chain", Severity.WARNING,
            "a snapshot whose parent is not the previous migration's snapshot; snapshots missing",
            "drizzle-kit generate diffs the schema against the latest snapshot, and each snapshot names the one "
                    + "it was made from; a broken or incomplete chain means the next generated migration may "
                    + "repeat or miss changes. Regenerate the snapshots, or check the next migration by hand.");

    private final String id;
    private final Severity severity;
    private final String summary;
    private final String help;

    DrizzleRule(String id, Severity severity, String summary, String help) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
        this.help = help;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String help() {
        return help;
    }

    @Override
    public String family() {
        return "drizzle";
    }

    @Override
    public String category() {
        return "Drizzle migrations folder";
    }

    @Override
    public String scope() {
        return "Checked over a Drizzle migrations folder (`meta/_journal.json`, the `.sql` files and the snapshots), by `miglint check` and on the journal in the editor; reported on the file or journal entry concerned.";
    }

    /** A finding of this rule, without fixes: none of these has a fix that is always safe. */
    Finding finding(String message, Span range) {
        return finding(severity, message, range);
    }

    /** A finding at another level than the rule's, for the softer cases of a rule. */
    Finding finding(Severity level, String message, Span range) {
        return new Finding(id, level, message, help, range, List.of());
    }
}
