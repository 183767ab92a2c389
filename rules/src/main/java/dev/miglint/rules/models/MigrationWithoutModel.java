package dev.miglint.rules.models;

import dev.miglint.drizzle.schema.DrizzleSchema;
import dev.miglint.drizzle.schema.DrizzleTable;
import dev.miglint.models.ModelFile;
import dev.miglint.models.ModelTable;
import dev.miglint.rules.Category;
import dev.miglint.rules.Finding;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.schema.ColumnInfo;
import dev.miglint.schema.SchemaModel;
import dev.miglint.schema.TableInfo;
import dev.miglint.text.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.miglint.rules.models.Tables.fold;

@RuleInfo(id = "migration-without-model", category = Category.CONVENTIONS, severity = Severity.INFO,
        fixable = false, since = "0.1.0",
        summary = "a table or column the migrations create that no model declares",
        help = "The migrations create something no model declares. Declare it in the model, or drop it in a "
                + "migration, so the next generated migration does not propose dropping it.")
public final class MigrationWithoutModel implements ModelRule {

    /**
     * A migrated table no model of the project declares is reported once, on the first class of the
     * first model file; a migrated column missing from a model whose fields are all known, on its class.
     */
    @Override
    public void checkModels(Map<Path, ModelFile> models, SchemaModel migrated, Map<Path, List<Finding>> out) {
        Map<String, TableInfo> tables = Tables.byFoldedName(migrated);
        Set<String> declared = new LinkedHashSet<>();
        Path firstFile = null;
        Span first = null;
        for (Map.Entry<Path, ModelFile> e : models.entrySet()) {
            for (ModelTable model : e.getValue().tables()) {
                if (model.tableName() != null) {
                    declared.add(fold(model.tableName()));
                }
                TableInfo table = model.tableName() == null ? null : tables.get(fold(model.tableName()));
                if (table != null && model.complete()) {
                    missingColumns(e.getKey(), model.tableName(), model.columns().stream()
                            .map(c -> c.name()).toList(), model.classNameSpan(), "model `" + model.className() + "`",
                            table, out);
                }
            }
            if (first == null) {
                ModelFile f = e.getValue();
                first = f.tables().isEmpty() ? f.firstClass() : f.tables().get(0).classNameSpan();
                firstFile = first == null ? null : e.getKey();
            }
        }
        if (first != null) {
            missingTables(declared, migrated, firstFile, first, "no model declares it", out);
        }
    }

    @Override
    public void checkSchemas(Map<Path, DrizzleSchema> schemas, SchemaModel migrated, Map<Path, List<Finding>> out) {
        Map<String, TableInfo> tables = Tables.byFoldedName(migrated);
        Set<String> declared = new LinkedHashSet<>();
        Path firstFile = null;
        DrizzleTable first = null;
        for (Map.Entry<Path, DrizzleSchema> e : schemas.entrySet()) {
            for (DrizzleTable t : e.getValue().tables()) {
                if (t.tableName() != null) {
                    declared.add(fold(t.schemaKey()));
                }
                if (first == null) {
                    first = t;
                    firstFile = e.getKey();
                }
                TableInfo table = t.tableName() == null ? null : tables.get(fold(t.schemaKey()));
                // With a spread the columns are not all known: a missing one proves nothing.
                if (table != null && t.complete()) {
                    missingColumns(e.getKey(), t.schemaKey(), t.columns().stream().map(c -> c.name())
                            .toList(), t.constSpan(), "`" + t.constName() + "`", table, out);
                }
            }
        }
        if (first != null) {
            missingTables(declared, migrated, firstFile, first.constSpan(), "no pgTable declares it", out);
        }
    }

    private void missingColumns(Path file, String tableName, List<String> columns, Span at,
                                String who, TableInfo table, Map<Path, List<Finding>> out) {
        Set<String> have = new LinkedHashSet<>();
        columns.forEach(c -> have.add(fold(c)));
        for (ColumnInfo c : table.columns().values()) {
            if (!have.contains(fold(c.name()))) {
                Tables.add(out, file, finding("Column `" + tableName + "." + c.name() + "` exists after the migrations "
                        + "but " + who + " does not declare it", at));
            }
        }
    }

    private void missingTables(Set<String> declared, SchemaModel migrated, Path file, Span at, String why,
                               Map<Path, List<Finding>> out) {
        List<String> keys = new ArrayList<>(migrated.tables().keySet());
        keys.sort(Comparator.naturalOrder());
        for (String key : keys) {
            if (!declared.contains(fold(key)) && !Tables.BOOKKEEPING.contains(fold(key))) {
                Tables.add(out, file, finding("Table `" + key + "` is created by the migrations but " + why, at));
            }
        }
    }
}
