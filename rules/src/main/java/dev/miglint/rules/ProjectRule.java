package dev.miglint.rules;

/**
 * A rule judged over a project's files rather than over SQL changes: the Alembic history, a Drizzle
 * migrations folder, models against migrations. Its metadata serves {@code rules}, {@code explain}
 * and the docs pages as a {@link RuleInfo} does for the SQL rules.
 */
public interface ProjectRule {

    String id();

    Severity severity();

    /** One line, no trailing period. */
    String summary();

    String help();

    /** Short name of the family, as the {@code rules} table prints it: alembic, drizzle, models. */
    String family();

    /** The docs page's category, e.g. "Alembic history". */
    String category();

    /** One sentence for the docs: what is checked, where it is reported. */
    String scope();
}
