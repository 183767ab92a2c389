package dev.miglint.rules.models;

import dev.miglint.rules.ProjectRule;
import dev.miglint.rules.Severity;

/**
 * The drift rules between a project's models (SQLModel / SQLAlchemy classes, Drizzle schema.ts) and
 * the schema its migrations build. The key rule, require-uuid-keys, is a SQL rule that also judges models.
 */
public enum ModelRule implements ProjectRule {

    MODEL_WITHOUT_MIGRATION(ModelDrift.MODEL_WITHOUT_MIGRATION, Severity.WARNING,
            "a table or column declared in a model that no migration creates",
            "The model declares something the migrations never create, so the application fails against a "
                    + "migrated database. Generate the migration (alembic revision --autogenerate, drizzle-kit "
                    + "generate) and review it before committing."),
    MIGRATION_WITHOUT_MODEL(ModelDrift.MIGRATION_WITHOUT_MODEL, Severity.INFO,
            "a table or column the migrations create that no model declares",
            "The migrations create something no model declares. Declare it in the model, or drop it in a "
                    + "migration, so the next generated migration does not propose dropping it.");

    private final String id;
    private final Severity severity;
    private final String summary;
    private final String help;

    ModelRule(String id, Severity severity, String summary, String help) {
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
        return "models";
    }

    @Override
    public String category() {
        return "Models against migrations";
    }

    @Override
    public String scope() {
        return "Checked on model files (SQLModel / SQLAlchemy classes, Drizzle schema.ts) against the schema the "
                + "project's migrations build, by `miglint check` and in the editor; reported on the class, table "
                + "or field concerned.";
    }
}
