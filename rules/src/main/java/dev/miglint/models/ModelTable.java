package dev.miglint.models;

import dev.miglint.text.Span;

import java.util.List;

/**
 * A class that declares a table: a SQLModel {@code table=True} class or a SQLAlchemy declarative class.
 *
 * @param columns      its own columns and those inherited from base classes of the same file, bases first
 * @param unknownBases base classes defined outside the file: their columns are not known, so the
 *                     column list may be incomplete
 */
public record ModelTable(String className, String tableName, Span classNameSpan, List<ModelColumn> columns,
                         List<String> unknownBases) {

    public ModelTable {
        columns = List.copyOf(columns);
        unknownBases = List.copyOf(unknownBases);
    }

    /** True when every base class was read, so a column missing here is missing from the model. */
    public boolean complete() {
        return unknownBases.isEmpty();
    }
}
