package dev.miglint.schema;

/** A column as the migrations have built it so far. */
public record ColumnInfo(String name, String type, boolean notNull, String defaultValue, boolean primaryKey,
                         Origin origin) {

    ColumnInfo withType(String newType) {
        return new ColumnInfo(name, newType, notNull, defaultValue, primaryKey, origin);
    }

    ColumnInfo withNotNull(boolean value) {
        return new ColumnInfo(name, type, value, defaultValue, primaryKey, origin);
    }

    ColumnInfo renamed(String newName) {
        return new ColumnInfo(newName, type, notNull, defaultValue, primaryKey, origin);
    }
}
