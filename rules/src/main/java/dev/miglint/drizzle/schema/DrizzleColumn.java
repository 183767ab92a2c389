package dev.miglint.drizzle.schema;

import dev.miglint.text.Span;

import java.util.List;

/**
 * One column of a {@code pgTable}.
 *
 * @param key         the property name in the TypeScript object ({@code t.key} refers to it)
 * @param keySpan     the property name's characters
 * @param span        the whole property: key, builder and modifiers
 * @param name        the column name in the database: the builder's name argument, else the key
 * @param builder     the builder as written ({@code text}, {@code t.uuid}, {@code roleEnum})
 * @param builderCall the builder call ({@code text("id", { … })}), which a type fix rewrites
 * @param nameArg     the name argument's characters, or null when the key names the column
 * @param sqlType     the type drizzle-kit creates ({@code uuid}, {@code varchar(64)}, {@code timestamptz},
 *                    an enum's type name), or null when the builder is not known
 * @param modifiers   the chained calls after the builder, in order
 * @param refTable    the const named in {@code .references(() => users.id)} or a table foreignKey, or null
 * @param refKey      the property of that const ({@code id}), or null
 * @param references  {@code "table.column"} in database names once the const is resolved, else null
 */
public record DrizzleColumn(String key, Span keySpan, Span span, String name, String builder, Span builderCall,
                            Span nameArg, String sqlType, boolean primaryKey, boolean notNull, boolean unique,
                            boolean index, List<Modifier> modifiers, String refTable, String refKey,
                            String references) {

    /** A chained call: {@code .name(args)}; {@code span} runs from the dot to the closing bracket. */
    public record Modifier(String name, Span span) {
    }

    public DrizzleColumn {
        modifiers = List.copyOf(modifiers);
    }

    /** Has a database or application default (any of the default modifiers, or an identity). */
    public boolean hasDefault() {
        return modifiers.stream().anyMatch(m -> DrizzleBuilders.DEFAULTS.contains(m.name()));
    }

    public boolean isForeignKey() {
        return refTable != null;
    }

    DrizzleColumn withKeys(boolean pk, boolean uniq, boolean idx) {
        return new DrizzleColumn(key, keySpan, span, name, builder, builderCall, nameArg, sqlType, primaryKey || pk,
                notNull || pk, unique || uniq, index || idx, modifiers, refTable, refKey, references);
    }

    DrizzleColumn withReference(String table, String column, String resolved) {
        return new DrizzleColumn(key, keySpan, span, name, builder, builderCall, nameArg, sqlType, primaryKey, notNull,
                unique, index, modifiers, table, column, resolved);
    }
}
