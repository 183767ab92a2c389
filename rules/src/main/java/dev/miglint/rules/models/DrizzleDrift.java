package dev.miglint.rules.models;

import dev.miglint.drizzle.schema.DrizzleBuilders;
import dev.miglint.drizzle.schema.DrizzleColumn;
import dev.miglint.drizzle.schema.DrizzleSchema;
import dev.miglint.drizzle.schema.DrizzleTable;
import dev.miglint.drizzle.schema.PgCoreImport;

import dev.miglint.rules.Finding;
import dev.miglint.rules.Fix;
import dev.miglint.rules.Severity;
import dev.miglint.schema.ColumnInfo;
import dev.miglint.schema.SchemaModel;
import dev.miglint.schema.TableInfo;
import dev.miglint.text.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    private static final String GENERATE = "run `npm run migrate:generate` (drizzle-kit generate)";
    private static final String MODEL_HELP = "The schema declares something the migrations never create, so the "
            + "application will fail against a migrated database. Generate a migration with drizzle-kit and review "
            + "it before committing.";
    private static final String MIGRATION_HELP = "The migrations create something no schema file declares. Declare "
            + "it in the schema, or drop it in a migration, so the next drizzle-kit generate does not propose dropping it.";
    private static final String UUID_HELP = "Team rule: primary and foreign keys are uuid, which cannot be guessed "
            + "or collide across tables. Change the builder and generate the migration together.";
    /** Tables drizzle-kit manages itself. */
    private static final Set<String> BOOKKEEPING = Set.of("__drizzle_migrations", "drizzle.__drizzle_migrations");

    /** A finding and the declaration an ignore comment must precede to silence it. */
    private record Pending(Finding finding, int declaration) {
    }

    private DrizzleDrift() {
    }

    /** Findings of the enabled rules for one schema file that declares the whole schema. */
    public static List<Finding> check(DrizzleSchema schema, SchemaModel migrated, Set<String> enabledRules) {
        Path path = Path.of("schema.ts");
        return checkProject(Map.of(path, schema), migrated, enabledRules).get(path);
    }

    /**
     * Findings per file for a schema split over several files (every file is present in the result).
     * A migrated table no file declares is reported on the first table of the first file that has one.
     */
    public static Map<Path, List<Finding>> checkProject(Map<Path, DrizzleSchema> files, SchemaModel migrated,
                                                        Set<String> enabledRules) {
        Map<String, TableInfo> tables = new HashMap<>();
        migrated.tables().forEach((key, t) -> tables.put(fold(key), t));
        Map<Path, List<Pending>> pending = new LinkedHashMap<>();
        files.keySet().forEach(p -> pending.put(p, new ArrayList<>()));
        for (Map.Entry<Path, DrizzleSchema> e : files.entrySet()) {
            List<Pending> out = pending.get(e.getKey());
            if (enabledRules.contains(MODEL_WITHOUT_MIGRATION)) {
                modelWithoutMigration(e.getValue(), tables, out);
            }
            if (enabledRules.contains(MIGRATION_WITHOUT_MODEL)) {
                missingColumns(e.getValue(), tables, out);
            }
            if (enabledRules.contains(REQUIRE_UUID_KEYS)) {
                requireUuidKeys(e.getValue(), out);
            }
        }
        if (enabledRules.contains(MIGRATION_WITHOUT_MODEL)) {
            missingTables(files, migrated, pending);
        }
        Map<Path, List<Finding>> result = new LinkedHashMap<>();
        pending.forEach((p, list) -> result.put(p, kept(files.get(p), list)));
        return result;
    }

    private static List<Finding> kept(DrizzleSchema schema, List<Pending> pending) {
        List<Finding> out = new ArrayList<>();
        for (Pending p : pending) {
            if (schema.ignores().stream().noneMatch(i -> i.silences(p.finding().rule(), p.declaration()))) {
                out.add(p.finding());
            }
        }
        List<Finding> unique = new ArrayList<>(new LinkedHashSet<>(out));
        unique.sort(Finding.IN_TEXT_ORDER);
        return unique;
    }

    private static void modelWithoutMigration(DrizzleSchema schema, Map<String, TableInfo> tables, List<Pending> out) {
        for (DrizzleTable t : schema.tables()) {
            if (t.tableName() == null) {
                continue;
            }
            TableInfo table = tables.get(fold(t.schemaKey()));
            if (table == null) {
                out.add(pending(MODEL_WITHOUT_MIGRATION, Severity.WARNING, t.constSpan(), t.statement().start(),
                        "Table `" + t.schemaKey() + "` (`" + t.constName() + "`) is not created by any migration: "
                                + GENERATE, MODEL_HELP, null));
                continue;
            }
            Set<String> migratedColumns = new LinkedHashSet<>();
            table.columns().keySet().forEach(k -> migratedColumns.add(fold(k)));
            for (DrizzleColumn c : t.columns()) {
                if (!migratedColumns.contains(fold(c.name()))) {
                    out.add(pending(MODEL_WITHOUT_MIGRATION, Severity.WARNING, c.keySpan(), c.span().start(),
                            "Column `" + t.schemaKey() + "." + c.name() + "` (`" + t.constName() + "." + c.key()
                                    + "`) is not in the migrated table: " + GENERATE, MODEL_HELP, null));
                }
            }
        }
    }

    private static void missingColumns(DrizzleSchema schema, Map<String, TableInfo> tables, List<Pending> out) {
        for (DrizzleTable t : schema.tables()) {
            TableInfo table = t.tableName() == null ? null : tables.get(fold(t.schemaKey()));
            if (table == null || !t.complete()) {
                continue; // with a spread the columns are not all known: a missing one proves nothing
            }
            Set<String> declared = new LinkedHashSet<>();
            t.columns().forEach(c -> declared.add(fold(c.name())));
            for (ColumnInfo c : table.columns().values()) {
                if (!declared.contains(fold(c.name()))) {
                    out.add(pending(MIGRATION_WITHOUT_MODEL, Severity.INFO, t.constSpan(), t.statement().start(),
                            "Column `" + t.schemaKey() + "." + c.name() + "` exists after the migrations but `"
                                    + t.constName() + "` does not declare it", MIGRATION_HELP, null));
                }
            }
        }
    }

    private static void missingTables(Map<Path, DrizzleSchema> files, SchemaModel migrated,
                                      Map<Path, List<Pending>> pending) {
        Set<String> declared = new LinkedHashSet<>();
        Path firstFile = null;
        DrizzleTable first = null;
        for (Map.Entry<Path, DrizzleSchema> e : files.entrySet()) {
            for (DrizzleTable t : e.getValue().tables()) {
                if (t.tableName() != null) {
                    declared.add(fold(t.schemaKey()));
                }
                if (first == null) {
                    first = t;
                    firstFile = e.getKey();
                }
            }
        }
        if (first == null) {
            return;
        }
        List<String> keys = new ArrayList<>(migrated.tables().keySet());
        keys.sort(Comparator.naturalOrder());
        for (String key : keys) {
            if (!declared.contains(fold(key)) && !BOOKKEEPING.contains(fold(key))) {
                pending.get(firstFile).add(pending(MIGRATION_WITHOUT_MODEL, Severity.INFO, first.constSpan(),
                        first.statement().start(), "Table `" + key + "` is created by the migrations but no "
                                + "pgTable declares it", MIGRATION_HELP, null));
            }
        }
    }

    private static void requireUuidKeys(DrizzleSchema schema, List<Pending> out) {
        for (DrizzleTable t : schema.tables()) {
            for (DrizzleColumn c : t.columns()) {
                String kind = c.primaryKey() ? "Primary key" : c.isForeignKey() ? "Foreign key" : null;
                String builder = builderName(schema, c);
                if (kind == null || builder == null || !DrizzleBuilders.NON_UUID_KEYS.contains(builder)) {
                    continue;
                }
                out.add(pending(REQUIRE_UUID_KEYS, Severity.WARNING, c.builderCall(), c.span().start(),
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

    private static Pending pending(String rule, Severity severity, Span range, int declaration, String message,
                                   String help, Fix fix) {
        return new Pending(new Finding(rule, severity, message, help, range, fix == null ? List.of() : List.of(fix)),
                declaration);
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
