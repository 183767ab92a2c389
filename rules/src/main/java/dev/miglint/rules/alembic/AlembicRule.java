package dev.miglint.rules.alembic;

import dev.miglint.rules.Finding;
import dev.miglint.rules.ProjectRule;
import dev.miglint.rules.Severity;
import dev.miglint.text.Span;

import java.util.List;

/**
 * The Alembic history rules {@link AlembicHistory} checks, with their metadata. They judge revision
 * files and the graph between them, not SQL changes, so they are not {@code Rule}s of the SQL engine.
 */
public enum AlembicRule implements ProjectRule {

    BROKEN_CHAIN("alembic-broken-chain", Severity.ERROR,
            "down_revision names no known revision; duplicate revision ids; cycles",
            "Alembic builds its revision map from every file's revision and down_revision, and refuses to run "
                    + "at all when a parent is missing, an id is used twice or the chain loops back on itself. "
                    + "Point down_revision at an existing revision, give each file a unique id, and break the loop."),
    EMPTY_DOWNGRADE("alembic-empty-downgrade", Severity.WARNING,
            "downgrade() is empty or pass while upgrade() changes schema",
            "A downgrade that does nothing lets `alembic downgrade` record success while the schema keeps "
                    + "the upgrade's changes, so the next upgrade fails or the database drifts from the code. "
                    + "Write the inverse operations, or raise an error to say the revision cannot be undone."),
    IRREVERSIBLE("alembic-irreversible", Severity.WARNING,
            "an upgrade op with no inverse in downgrade()",
            "Each schema change in upgrade() should be undone in downgrade() (create_table by drop_table, "
                    + "add_column by drop_column, create_index by drop_index …); one that is forgotten stays "
                    + "behind after a downgrade and makes the next upgrade fail."),
    MULTIPLE_HEADS("alembic-multiple-heads", Severity.ERROR,
            "more than one head in the revision graph",
            "With two heads `alembic upgrade head` stops with \"Multiple head revisions are present\": two "
                    + "branches were created from the same parent, usually by two people at once. Run "
                    + "`alembic merge heads` to add a merge revision that joins them."),
    UNANALYSABLE_SQL("alembic-unanalysable-sql", Severity.INFO,
            "op.execute with non-literal SQL",
            "SQL assembled at run time (variables, f-strings, SQLAlchemy expressions) cannot be read before "
                    + "the migration runs, so miglint's SQL rules do not see it. Prefer a literal string where "
                    + "you can, and review this statement by hand.");

    private final String id;
    private final Severity severity;
    private final String summary;
    private final String help;

    AlembicRule(String id, Severity severity, String summary, String help) {
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
        return "alembic";
    }

    @Override
    public String category() {
        return "Alembic history";
    }

    @Override
    public String scope() {
        return "Checked across the revision files of an Alembic `versions/` folder, by `miglint check` and in the editor; reported in the revision file concerned.";
    }

    /** A finding of this rule, without fixes: none of these has a fix that is always safe. */
    Finding finding(String message, Span range) {
        return new Finding(id, severity, message, help, range, List.of());
    }
}
