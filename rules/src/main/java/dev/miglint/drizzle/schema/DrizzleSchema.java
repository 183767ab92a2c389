package dev.miglint.drizzle.schema;

import dev.miglint.models.ModelColumn;
import dev.miglint.models.ModelFile;
import dev.miglint.models.ModelTable;
import dev.miglint.text.Problem;

import java.util.List;
import java.util.Map;

/**
 * What {@link DrizzleSchemaReader} found in one schema file.
 *
 * @param types      pgEnum and customType consts of the file: const name → SQL type name
 * @param pgCore     the drizzle-orm/pg-core import, or null when the file has none
 * @param ignores    the {@code // miglint-ignore} comments, each with what it silences
 */
public record DrizzleSchema(String text, List<DrizzleTable> tables, Map<String, String> types, PgCoreImport pgCore,
                            List<DrizzleIgnore> ignores, List<Problem> problems) {

    public DrizzleSchema {
        tables = List.copyOf(tables);
        types = Map.copyOf(types);
        ignores = List.copyOf(ignores);
        problems = List.copyOf(problems);
    }

    /**
     * The tables as the model records {@link dev.miglint.rules.models.ModelDrift} compares: the class is the
     * const, a column's {@code pythonType} holds its SQL type and {@code typeSpan} the builder call,
     * and {@code foreignKey} the resolved {@code table.column} (or the const's {@code users.id}).
     */
    public ModelFile toModelFile() {
        List<ModelTable> out = tables.stream().map(DrizzleSchema::modelTable).toList();
        return new ModelFile(out, tables.isEmpty() ? null : tables.get(0).constSpan(), problems);
    }

    private static ModelTable modelTable(DrizzleTable t) {
        List<ModelColumn> columns = t.columns().stream().map(c -> new ModelColumn(c.name(), c.keySpan(), c.span(),
                c.sqlType(), c.builderCall(), c.primaryKey(), c.references() != null ? c.references()
                : c.refTable() == null ? null : c.refTable() + "." + c.refKey(), c.index(), c.unique(),
                !c.notNull())).toList();
        return new ModelTable(t.constName(), t.schemaKey(), t.constSpan(), columns, t.unknown());
    }
}
