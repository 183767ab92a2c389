package dev.miglint.rules.models;

import dev.miglint.drizzle.schema.DrizzleColumn;
import dev.miglint.drizzle.schema.DrizzleSchema;
import dev.miglint.drizzle.schema.DrizzleTable;
import dev.miglint.models.ModelColumn;
import dev.miglint.models.ModelFile;
import dev.miglint.models.ModelTable;
import dev.miglint.rules.Category;
import dev.miglint.rules.Finding;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.schema.SchemaModel;
import dev.miglint.schema.TableInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.miglint.rules.models.Tables.fold;

@RuleInfo(id = "model-without-migration", category = Category.CONVENTIONS, severity = Severity.WARNING,
        fixable = false, since = "0.1.0",
        summary = "a table or column declared in a model that no migration creates",
        help = "The model declares something the migrations never create, so the application fails against a "
                + "migrated database. Generate the migration (alembic revision --autogenerate, drizzle-kit "
                + "generate) and review it before committing.")
public final class ModelWithoutMigration implements ModelRule {

    @Override
    public void checkModels(Map<Path, ModelFile> models, SchemaModel migrated, Map<Path, List<Finding>> out) {
        Map<String, TableInfo> tables = Tables.byFoldedName(migrated);
        models.forEach((file, model) -> {
            for (ModelTable declared : model.tables()) {
                if (declared.tableName() == null) {
                    continue;
                }
                TableInfo table = tables.get(fold(declared.tableName()));
                if (table == null) {
                    Tables.add(out, file, finding("Model `" + declared.className() + "` declares table `"
                            + declared.tableName() + "`, which no migration creates: " + Tables.AUTOGENERATE,
                            declared.classNameSpan()));
                    continue;
                }
                Set<String> columns = Tables.foldedColumns(table);
                for (ModelColumn c : declared.columns()) {
                    if (!columns.contains(fold(c.name()))) {
                        Tables.add(out, file, finding("Column `" + declared.tableName() + "." + c.name()
                                + "` of model `" + declared.className() + "` is not in the migrated table: "
                                + Tables.AUTOGENERATE, c.nameSpan()));
                    }
                }
            }
        });
    }

    @Override
    public void checkSchemas(Map<Path, DrizzleSchema> schemas, SchemaModel migrated, Map<Path, List<Finding>> out) {
        Map<String, TableInfo> tables = Tables.byFoldedName(migrated);
        schemas.forEach((file, schema) -> {
            for (DrizzleTable t : schema.tables()) {
                if (t.tableName() == null) {
                    continue;
                }
                TableInfo table = tables.get(fold(t.schemaKey()));
                if (table == null) {
                    Tables.add(out, file, finding("Table `" + t.schemaKey() + "` (`" + t.constName()
                            + "`) is not created by any migration: " + Tables.DRIZZLE_GENERATE, t.constSpan()));
                    continue;
                }
                Set<String> columns = Tables.foldedColumns(table);
                for (DrizzleColumn c : t.columns()) {
                    if (!columns.contains(fold(c.name()))) {
                        Tables.add(out, file, finding("Column `" + t.schemaKey() + "." + c.name() + "` (`"
                                + t.constName() + "." + c.key() + "`) is not in the migrated table: "
                                + Tables.DRIZZLE_GENERATE, c.keySpan()));
                    }
                }
            }
        });
    }
}
