package dev.miglint.rules.models;

import dev.miglint.drizzle.schema.DrizzleBuilders;
import dev.miglint.drizzle.schema.DrizzleColumn;
import dev.miglint.drizzle.schema.DrizzleSchema;
import dev.miglint.drizzle.schema.DrizzleTable;
import dev.miglint.drizzle.schema.PgCoreImport;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Fix;
import dev.miglint.rules.Rules;
import dev.miglint.rules.Severity;
import dev.miglint.schema.SchemaModel;
import dev.miglint.text.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the tables Drizzle schema files declare with the schema their migrations build, and checks
 * key builders. The rule ids are the model rules' ({@link ModelDrift}); the messages speak drizzle-kit.
 * Findings are in each schema file's offsets; names are compared case-insensitively, as ModelDrift does.
 */
public final class DrizzleDrift {

    public static final String MODEL_WITHOUT_MIGRATION = ModelDrift.MODEL_WITHOUT_MIGRATION;
    public static final String MIGRATION_WITHOUT_MODEL = ModelDrift.MIGRATION_WITHOUT_MODEL;
    public static final String REQUIRE_UUID_KEYS = ModelDrift.REQUIRE_UUID_KEYS;
    public static final Set<String> ALL = ModelDrift.ALL;

    private static final String UUID_HELP = "Team rule: primary and foreign keys are uuid, which cannot be guessed "
            + "or collide across tables. Change the builder and generate the migration together.";

    private static final List<ModelRule> RULES = Rules.ofType(ModelRule.class);

    private DrizzleDrift() {
    }

    /** Findings of the enabled rules for one schema file that declares the whole schema. */
    public static List<Finding> check(DrizzleSchema schema, SchemaModel migrated, Set<String> enabledRules) {
        Path path = Path.of("schema.ts");
        return checkProject(Map.of(path, schema), migrated, enabledRules).get(path);
    }

    /**
     * Findings per file for a schema split over several files (every file is present in the result),
     * judged once for the project. A migrated table no file declares is reported on the first table of
     * the first file that has one.
     */
    public static Map<Path, List<Finding>> checkProject(Map<Path, DrizzleSchema> files, SchemaModel migrated,
                                                        Set<String> enabledRules) {
        Map<Path, List<Finding>> found = new LinkedHashMap<>();
        files.keySet().forEach(p -> found.put(p, new ArrayList<>()));
        for (ModelRule rule : RULES) {
            if (enabledRules.contains(rule.id())) {
                rule.checkSchemas(files, migrated, found);
            }
        }
        if (enabledRules.contains(REQUIRE_UUID_KEYS)) {
            files.forEach((p, schema) -> requireUuidKeys(schema, found.get(p)));
        }
        Map<Path, List<Finding>> result = new LinkedHashMap<>();
        found.forEach((p, list) -> result.put(p, kept(files.get(p), list)));
        return result;
    }

    /** The findings no {@code // miglint-ignore} silences: an ignore covers the declaration that follows it. */
    private static List<Finding> kept(DrizzleSchema schema, List<Finding> found) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : found) {
            List<Integer> declarations = declarationsAt(schema, f.range().start());
            if (schema.ignores().stream().noneMatch(i -> declarations.stream().anyMatch(d -> i.silences(f.rule(), d)))) {
                out.add(f);
            }
        }
        List<Finding> unique = new ArrayList<>(new LinkedHashSet<>(out));
        unique.sort(Finding.IN_TEXT_ORDER);
        return unique;
    }

    /** Where the declarations holding {@code offset} start: its table's, and its column's when it is on one. */
    private static List<Integer> declarationsAt(DrizzleSchema schema, int offset) {
        List<Integer> out = new ArrayList<>();
        for (DrizzleTable t : schema.tables()) {
            if (t.statement().start() <= offset && offset < t.statement().end()) {
                out.add(t.statement().start());
                t.columns().stream().filter(c -> c.span().start() <= offset && offset < c.span().end())
                        .forEach(c -> out.add(c.span().start()));
            }
        }
        return out;
    }




    private static void requireUuidKeys(DrizzleSchema schema, List<Finding> out) {
        for (DrizzleTable t : schema.tables()) {
            for (DrizzleColumn c : t.columns()) {
                String kind = c.primaryKey() ? "Primary key" : c.isForeignKey() ? "Foreign key" : null;
                String builder = builderName(schema, c);
                if (kind == null || builder == null || !DrizzleBuilders.NON_UUID_KEYS.contains(builder)) {
                    continue;
                }
                out.add(finding(REQUIRE_UUID_KEYS, Severity.WARNING, c.builderCall(),
                        kind + " `" + t.schemaKey() + "." + c.name() + "` is built with " + builder
                                + "(); keys must be uuid()", UUID_HELP, UuidKeyFix.of(schema, t, c)));
            }
        }
    }

    /** The pg-core builder a column uses ({@code t.text} in the callback form counts), or null. */
    private static String builderName(DrizzleSchema schema, DrizzleColumn c) {
        String b = c.builder();
        if (b.contains(".")) {
            return b.substring(b.lastIndexOf('.') + 1);
        }
        PgCoreImport imp = schema.pgCore();
        return imp != null && imp.names().containsKey(b) ? imp.names().get(b) : b;
    }

    private static Finding finding(String rule, Severity severity, Span range, String message, String help, Fix fix) {
        return new Finding(rule, severity, message, help, range, fix == null ? List.of() : List.of(fix));
    }

}
