package dev.miglint.insight;

import dev.miglint.schema.ColumnInfo;
import dev.miglint.schema.Origin;
import dev.miglint.schema.TableInfo;
import dev.miglint.text.Span;

import java.nio.file.Path;

/**
 * A table, or a column of it, named at some offset, as the migrations have built it up to that
 * statement.
 *
 * @param nameSpan where the name is written (the hover's range)
 * @param column   the column named, or null when the name is the table's
 */
public record SchemaObject(Span nameSpan, TableInfo table, ColumnInfo column) {

    /** Where the object was created: the statement of the CREATE TABLE or ADD COLUMN. */
    public Origin origin() {
        return column != null ? column.origin() : table.origin();
    }

    /** "**users** — created in `V1__init.sql`" and the columns as a small table. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        String tableName = table.schema() == null ? table.name() : table.schema() + "." + table.name();
        if (column != null) {
            md.append("**").append(Markdown.escape(tableName)).append('.').append(Markdown.escape(column.name()))
                    .append("** ").append(Markdown.code(describe(column))).append(created(column.origin())).append("\n\n");
            md.append("Column of **").append(Markdown.escape(tableName)).append("**").append(created(table.origin()))
                    .append('\n');
            return md.toString();
        }
        md.append("**").append(Markdown.escape(tableName)).append("**").append(created(table.origin())).append("\n\n");
        if (table.columns().isEmpty()) {
            md.append("No columns known.\n");
            return md.toString();
        }
        md.append("| column | type | |\n|---|---|---|\n");
        for (ColumnInfo c : table.columns().values()) {
            md.append("| ").append(Markdown.escape(c.name())).append(" | ")
                    .append(c.type() == null || c.type().isBlank() ? "" : Markdown.code(c.type().trim()))
                    .append(" | ").append(Markdown.escape(flags(c))).append(" |\n");
        }
        return md.toString();
    }

    private static String describe(ColumnInfo c) {
        String type = c.type() == null ? "" : c.type().trim();
        String flags = flags(c);
        return (type + (flags.isEmpty() ? "" : " " + flags)).trim();
    }

    /** "PRIMARY KEY", "NOT NULL DEFAULT now()". */
    private static String flags(ColumnInfo c) {
        StringBuilder out = new StringBuilder();
        if (c.primaryKey()) {
            out.append("PRIMARY KEY");
        } else if (c.notNull()) {
            out.append("NOT NULL");
        }
        if (c.defaultValue() != null) {
            out.append(out.isEmpty() ? "" : " ").append("DEFAULT ").append(c.defaultValue().trim());
        }
        return out.toString();
    }

    private static String created(Origin origin) {
        if (origin == null || origin.file() == null) {
            return "";
        }
        Path file = Path.of(origin.file()).getFileName();
        String name = file == null || origin.file().isEmpty() ? "this file" : file.toString();
        return " — created in " + Markdown.code(name);
    }
}
