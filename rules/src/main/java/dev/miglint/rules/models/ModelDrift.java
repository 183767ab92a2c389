package dev.miglint.rules.models;

import dev.miglint.models.ModelColumn;
import dev.miglint.models.ModelFile;
import dev.miglint.models.ModelTable;
import dev.miglint.models.PyAnnotation;

import dev.miglint.rules.Finding;
import dev.miglint.rules.Severity;
import dev.miglint.schema.ColumnInfo;
import dev.miglint.schema.SchemaModel;
import dev.miglint.schema.TableInfo;
import dev.miglint.text.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares the tables a model file declares with the schema its migrations build, and checks key
 * types. Findings are in the model file's offsets; names are compared case-insensitively.
 */
public final class ModelDrift {

    public static final String MODEL_WITHOUT_MIGRATION = "model-without-migration";
    public static final String MIGRATION_WITHOUT_MODEL = "migration-without-model";
    public static final String REQUIRE_UUID_KEYS = "require-uuid-keys";
    /** Every rule this check reports. */
    public static final Set<String> ALL = Set.of(MODEL_WITHOUT_MIGRATION, MIGRATION_WITHOUT_MODEL, REQUIRE_UUID_KEYS);

    private static final String AUTOGENERATE = "run `alembic revision --autogenerate`";
    private static final String MODEL_HELP = "The model declares something the migrations never create, so the "
            + "application will fail against a migrated database. Generate a revision and review it before committing.";
    private static final String MIGRATION_HELP = "The migrations create something no model declares. Declare it "
            + "in the model, or drop it in a migration, so the next autogenerate does not propose dropping it.";
    private static final String UUID_HELP = "Team rule: primary and foreign keys are uuid.UUID, which cannot be "
            + "guessed or collide across tables. Change the field type and its migration together.";
    private static final Set<String> NON_UUID = Set.of("int", "str");

    private ModelDrift() {
    }

    /**
     * Findings of the enabled rules for {@code models} against {@code migrated}. {@code modelFile} names the
     * file the ranges belong to; the findings do not use it yet, it is there for callers that report by file.
     */
    public static List<Finding> check(Path modelFile, ModelFile models, SchemaModel migrated, Set<String> enabledRules) {
        Map<String, TableInfo> tables = new HashMap<>();
        migrated.tables().forEach((key, t) -> tables.put(fold(key), t));
        List<Finding> out = new ArrayList<>();
        if (enabledRules.contains(MODEL_WITHOUT_MIGRATION)) {
            modelWithoutMigration(models, tables, out);
        }
        if (enabledRules.contains(MIGRATION_WITHOUT_MODEL)) {
            migrationWithoutModel(models, migrated, tables, out);
        }
        if (enabledRules.contains(REQUIRE_UUID_KEYS)) {
            requireUuidKeys(models, out);
        }
        // An inherited field is one statement for many tables: report each finding there once.
        List<Finding> unique = new ArrayList<>(new LinkedHashSet<>(out));
        unique.sort(Finding.IN_TEXT_ORDER);
        return unique;
    }

    private static void modelWithoutMigration(ModelFile models, Map<String, TableInfo> tables, List<Finding> out) {
        for (ModelTable model : models.tables()) {
            if (model.tableName() == null) {
                continue;
            }
            TableInfo table = tables.get(fold(model.tableName()));
            if (table == null) {
                out.add(finding(MODEL_WITHOUT_MIGRATION, Severity.WARNING, model.classNameSpan(),
                        "Model `" + model.className() + "` declares table `" + model.tableName()
                                + "`, which no migration creates: " + AUTOGENERATE, MODEL_HELP));
                continue;
            }
            Set<String> migratedColumns = foldAll(table.columns().keySet());
            for (ModelColumn c : model.columns()) {
                if (!migratedColumns.contains(fold(c.name()))) {
                    out.add(finding(MODEL_WITHOUT_MIGRATION, Severity.WARNING, c.nameSpan(),
                            "Column `" + model.tableName() + "." + c.name() + "` of model `" + model.className()
                                    + "` is not in the migrated table: " + AUTOGENERATE, MODEL_HELP));
                }
            }
        }
    }

    private static void migrationWithoutModel(ModelFile models, SchemaModel migrated, Map<String, TableInfo> tables,
                                              List<Finding> out) {
        Set<String> declared = new LinkedHashSet<>();
        for (ModelTable model : models.tables()) {
            if (model.tableName() != null) {
                declared.add(fold(model.tableName()));
            }
        }
        Span first = models.tables().isEmpty() ? models.firstClass() : models.tables().get(0).classNameSpan();
        List<String> keys = new ArrayList<>(migrated.tables().keySet());
        keys.sort(Comparator.naturalOrder());
        for (String key : keys) {
            if (!declared.contains(fold(key)) && !fold(key).equals("alembic_version") && first != null) {
                out.add(finding(MIGRATION_WITHOUT_MODEL, Severity.INFO, first, "Table `" + key
                        + "` is created by the migrations but no model in this file declares it", MIGRATION_HELP));
            }
        }
        for (ModelTable model : models.tables()) {
            TableInfo table = model.tableName() == null ? null : tables.get(fold(model.tableName()));
            if (table != null && model.complete()) {
                missingColumns(model, table, out);
            }
        }
    }

    private static void missingColumns(ModelTable model, TableInfo table, List<Finding> out) {
        Set<String> modelColumns = new LinkedHashSet<>();
        model.columns().forEach(c -> modelColumns.add(fold(c.name())));
        for (ColumnInfo c : table.columns().values()) {
            if (!modelColumns.contains(fold(c.name()))) {
                out.add(finding(MIGRATION_WITHOUT_MODEL, Severity.INFO, model.classNameSpan(), "Column `"
                        + model.tableName() + "." + c.name() + "` exists after the migrations but model `"
                        + model.className() + "` does not declare it", MIGRATION_HELP));
            }
        }
    }

    private static void requireUuidKeys(ModelFile models, List<Finding> out) {
        for (ModelTable model : models.tables()) {
            for (ModelColumn c : model.columns()) {
                String kind = c.primaryKey() ? "Primary key" : c.foreignKey() != null ? "Foreign key" : null;
                if (kind == null || c.typeSpan() == null) {
                    continue;
                }
                String core = PyAnnotation.of(c.pythonType()).core();
                if (NON_UUID.contains(core)) {
                    out.add(finding(REQUIRE_UUID_KEYS, Severity.WARNING, c.typeSpan(), kind + " `" + c.name()
                            + "` is typed `" + core + "`; keys must be `uuid.UUID`", UUID_HELP));
                }
            }
        }
    }

    private static Finding finding(String rule, Severity severity, Span range, String message, String help) {
        return new Finding(rule, severity, message, help, range, List.of());
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Set<String> foldAll(Set<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(n -> out.add(fold(n)));
        return out;
    }
}
