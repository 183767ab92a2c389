package dev.miglint.drizzle.schema;

import dev.miglint.text.Span;

import java.util.List;

/**
 * A {@code const x = pgTable("name", { … }, extra)} declaration.
 *
 * @param constName  the TypeScript const ({@code users}), which other tables reference
 * @param constSpan  its characters: table-wide findings land there
 * @param statement  the whole declaration from {@code export}/{@code const}, which an ignore comment precedes
 * @param schema     the PostgreSQL schema of a {@code pgSchema("s").table(…)}, else null
 * @param tableName  the table name in the database, or null when it is not a string literal
 * @param columns    in declaration order
 * @param unknown    what adds columns the reader cannot see ({@code ...timestamps}): the list may be incomplete
 */
public record DrizzleTable(String constName, Span constSpan, Span statement, String schema, String tableName,
                           List<DrizzleColumn> columns, List<String> unknown) {

    public DrizzleTable {
        columns = List.copyOf(columns);
        unknown = List.copyOf(unknown);
    }

    /** The key the replayed {@link dev.miglint.schema.SchemaModel} knows this table by. */
    public String schemaKey() {
        return schema == null || schema.equals("public") ? tableName : schema + "." + tableName;
    }

    public DrizzleColumn column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    public boolean complete() {
        return unknown.isEmpty();
    }

    DrizzleTable withColumns(List<DrizzleColumn> newColumns) {
        return new DrizzleTable(constName, constSpan, statement, schema, tableName, newColumns, unknown);
    }
}
