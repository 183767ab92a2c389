package dev.miglint.insight;

import dev.miglint.text.Span;

import java.util.List;

/**
 * One entry of a migration's outline: a statement, an ALTER TABLE action, a column, or a statement
 * inside a DO block.
 *
 * @param name          what it does, e.g. "CREATE TABLE users", "ALTER TABLE orders: ADD COLUMN total"
 * @param span          the whole statement or action
 * @param selectionSpan the part to select when it is picked: the object's name where there is one
 */
public record OutlineSymbol(Kind kind, String name, Span span, Span selectionSpan, List<OutlineSymbol> children) {

    /** What the server shows as an icon; it maps these onto its protocol's symbol kinds. */
    public enum Kind { TABLE, COLUMN, INDEX, CONSTRAINT, TYPE, FUNCTION, VIEW, SCHEMA, OBJECT, DATA, DROP, BLOCK, SETTING, TRANSACTION, OTHER }

    public OutlineSymbol {
        children = List.copyOf(children);
    }
}
