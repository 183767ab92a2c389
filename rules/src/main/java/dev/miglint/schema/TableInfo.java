package dev.miglint.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A table as the migrations have built it so far; columns in creation order. */
public record TableInfo(String schema, String name, Map<String, ColumnInfo> columns, Origin origin) {

    public TableInfo {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public ColumnInfo column(String column) {
        return columns.get(column);
    }

    TableInfo withColumn(ColumnInfo column) {
        Map<String, ColumnInfo> copy = new LinkedHashMap<>(columns);
        copy.put(column.name(), column);
        return new TableInfo(schema, name, copy, origin);
    }

    TableInfo withoutColumn(String column) {
        Map<String, ColumnInfo> copy = new LinkedHashMap<>(columns);
        copy.remove(column);
        return new TableInfo(schema, name, copy, origin);
    }

    TableInfo updateColumn(String column, UnaryOperator<ColumnInfo> change) {
        ColumnInfo current = columns.get(column);
        if (current == null) {
            return this;
        }
        ColumnInfo updated = change.apply(current);
        Map<String, ColumnInfo> copy = new LinkedHashMap<>();
        columns.forEach((k, v) -> {
            if (k.equals(column)) {
                copy.put(updated.name(), updated);
            } else {
                copy.put(k, v);
            }
        });
        return new TableInfo(schema, name, copy, origin);
    }

    TableInfo renamed(String newName) {
        return new TableInfo(schema, newName, columns, origin);
    }
}
