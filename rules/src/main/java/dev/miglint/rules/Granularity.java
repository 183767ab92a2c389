package dev.miglint.rules;

/** How much of a project a rule judges at once; the docs say it in {@link #scope()}. */
public enum Granularity {
    STATEMENT("Checked on each statement of a SQL migration, and on the SQL an Alembic revision's upgrade() runs."),
    REVISION("Checked on each Alembic revision file, comparing its upgrade() with its downgrade()."),
    HISTORY("Checked across the revisions of an Alembic history (the revision graph); reported in the revision "
            + "file concerned."),
    FOLDER("Checked over a Drizzle migrations folder (`meta/_journal.json`, the `.sql` files and the snapshots); "
            + "reported on the file or journal entry concerned."),
    MODEL("Checked on model files (SQLModel / SQLAlchemy classes, Drizzle schema.ts) against the schema the "
            + "project's migrations build; reported on the class, table or field concerned."),
    META("Reported by miglint itself about how it read a file: ignore comments, files it could not read.");

    private final String scope;

    Granularity(String scope) {
        this.scope = scope;
    }

    /** One sentence for the docs: what is checked and where it is reported. */
    public String scope() {
        return scope;
    }
}
