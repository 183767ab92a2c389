package dev.miglint.models;

import dev.miglint.text.Span;

/**
 * One column of a model class.
 *
 * @param name       the column name in the database (a {@code Column("name", …)} name wins over the attribute)
 * @param nameSpan   the attribute name
 * @param span       the whole field statement
 * @param pythonType the annotation as written ({@code int | None}, {@code Mapped[str]}), or null without one
 * @param typeSpan   the annotation's characters, or null without one
 * @param foreignKey the target as written ({@code "team.id"}), or null
 * @param nullable   as declared or as the library derives it; null when it cannot be told
 */
public record ModelColumn(String name, Span nameSpan, Span span, String pythonType, Span typeSpan,
                          boolean primaryKey, String foreignKey, boolean index, boolean unique, Boolean nullable) {
}
