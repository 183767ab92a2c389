package dev.miglint.change;

import dev.miglint.sql.Span;

/**
 * A column definition as written in CREATE TABLE or ADD COLUMN.
 *
 * @param defaultValue the DEFAULT expression as written, or null
 * @param references   the referenced table of an inline REFERENCES, or null
 */
public record ColumnDef(String name, String type, boolean notNull, boolean primaryKey, boolean unique,
                        String defaultValue, String references, boolean generated, Span span) {
}
