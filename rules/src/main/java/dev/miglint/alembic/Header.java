package dev.miglint.alembic;

import dev.miglint.python.PyValue;
import dev.miglint.text.Span;

import java.util.List;

/**
 * A module-level assignment Alembic reads: {@code revision}, {@code down_revision},
 * {@code branch_labels} or {@code depends_on}. {@code span} is the whole statement, annotation included.
 */
public record Header(String name, Span span, PyValue value) {

    /** The id(s) it names: one string, a tuple/list of strings, or none for {@code None}. */
    public List<String> ids() {
        return value.strings();
    }

    public boolean isNone() {
        return value instanceof PyValue.NoneLit;
    }
}
