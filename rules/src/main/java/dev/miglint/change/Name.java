package dev.miglint.change;

import dev.miglint.text.Span;

/**
 * A possibly schema-qualified object name, normalised as PostgreSQL does: unquoted parts folded
 * to lower case, quoted parts kept as written.
 */
public record Name(String schema, String name, Span span) {

    public String qualified() {
        return schema == null ? name : schema + "." + name;
    }

    /** True when both name the same object, treating a missing schema as a match. */
    public boolean sameObject(Name other) {
        if (other == null || !name.equals(other.name)) {
            return false;
        }
        return schema == null || other.schema == null || schema.equals(other.schema);
    }

    @Override
    public String toString() {
        return qualified();
    }
}
