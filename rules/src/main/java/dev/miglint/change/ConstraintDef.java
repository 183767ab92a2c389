package dev.miglint.change;

import dev.miglint.text.Span;

/** A table-level constraint written inside CREATE TABLE. */
public record ConstraintDef(String name, ConstraintKind kind, Span span) {
}
