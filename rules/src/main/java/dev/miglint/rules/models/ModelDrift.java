package dev.miglint.rules.models;

import dev.miglint.models.ModelColumn;
import dev.miglint.models.ModelFile;
import dev.miglint.models.ModelTable;
import dev.miglint.models.PyAnnotation;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Rules;
import dev.miglint.rules.Severity;
import dev.miglint.schema.SchemaModel;
import dev.miglint.text.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

    private static final String UUID_HELP = "Team rule: primary and foreign keys are uuid.UUID, which cannot be "
            + "guessed or collide across tables. Change the field type and its migration together.";
    private static final Set<String> NON_UUID = Set.of("int", "str");

    private static final List<ModelRule> RULES = Rules.ofType(ModelRule.class);

    private ModelDrift() {
    }

    /** The findings of one model file that holds a project's whole model. */
    public static List<Finding> check(Path modelFile, ModelFile models, SchemaModel migrated, Set<String> enabledRules) {
        return checkProject(Map.of(modelFile, models), migrated, enabledRules).get(modelFile);
    }

    /**
     * Findings of the enabled rules for a project's model files (path → models, in path order) against
     * the schema its migrations build, judged once for the project; every file has a key.
     */
    public static Map<Path, List<Finding>> checkProject(Map<Path, ModelFile> models, SchemaModel migrated,
                                                        Set<String> enabledRules) {
        Map<Path, List<Finding>> out = new TreeMap<>();
        models.keySet().forEach(p -> out.put(p, new ArrayList<>()));
        for (ModelRule rule : RULES) {
            if (enabledRules.contains(rule.id())) {
                rule.checkModels(new TreeMap<>(models), migrated, out);
            }
        }
        if (enabledRules.contains(REQUIRE_UUID_KEYS)) {
            models.forEach((p, m) -> requireUuidKeys(m, out.get(p)));
        }
        // An inherited field is one statement for many tables: report each finding there once.
        out.replaceAll((p, list) -> {
            List<Finding> unique = new ArrayList<>(new LinkedHashSet<>(list));
            unique.sort(Finding.IN_TEXT_ORDER);
            return List.copyOf(unique);
        });
        return out;
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


}
