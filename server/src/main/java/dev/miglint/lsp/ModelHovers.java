package dev.miglint.lsp;

import dev.miglint.models.ModelColumn;
import dev.miglint.models.ModelTable;
import dev.miglint.schema.ColumnInfo;
import dev.miglint.schema.Origin;
import dev.miglint.schema.TableInfo;

import java.nio.file.Path;

/** On a model field or class name: the column or table as the migrations built it, and the revision that created it. */
final class ModelHovers implements HoverParticipant {

    @Override
    public String hover(DocumentAnalysis analysis, int offset) {
        if (analysis.model() == null) {
            return null;
        }
        for (ModelTable table : analysis.model().models().tables()) {
            TableInfo migrated = analysis.model().migrated().tables().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(table.tableName())).map(java.util.Map.Entry::getValue)
                    .findFirst().orElse(null);
            if (within(table.classNameSpan(), offset)) {
                return migrated == null ? "**" + table.tableName() + "**: no migration creates this table"
                        : "**" + table.tableName() + "** — " + migrated.columns().size() + " columns, created in "
                        + file(migrated.origin());
            }
            for (ModelColumn column : table.columns()) {
                if (within(column.nameSpan(), offset)) {
                    return column(table, column, migrated);
                }
            }
        }
        return null;
    }

    private static String column(ModelTable table, ModelColumn column, TableInfo migrated) {
        ColumnInfo c = migrated == null ? null : migrated.column(column.name());
        if (c == null) {
            return "**" + table.tableName() + "." + column.name() + "**: no migration creates this column";
        }
        StringBuilder md = new StringBuilder("**" + table.tableName() + "." + c.name() + "** `" + c.type()
                + (c.notNull() ? " NOT NULL" : "") + (c.defaultValue() != null ? " DEFAULT " + c.defaultValue() : "")
                + (c.primaryKey() ? " PRIMARY KEY" : "") + "`");
        md.append(" — as the migrations built it; added in ").append(file(c.origin()));
        return md.toString();
    }

    private static String file(Origin origin) {
        if (origin == null || origin.file() == null) {
            return "an earlier migration";
        }
        Path name = Path.of(origin.file()).getFileName();
        return "`" + (name == null ? origin.file() : name.toString()) + "`";
    }

    private static boolean within(dev.miglint.text.Span span, int offset) {
        return span != null && span.start() <= offset && offset <= span.end();
    }
}
