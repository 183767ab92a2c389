package dev.miglint.alembic;

import dev.miglint.text.Span;

/**
 * A module-level {@code def upgrade()} or {@code def downgrade()}: {@code span} runs from {@code def}
 * to the last token of the body; {@code body} is empty (at its start) when the def has no body.
 */
public record FunctionDef(String name, Span span, Span nameSpan, Span body, BodyKind bodyKind) {

    public enum BodyKind {
        /** No statement at all (only comments): not valid Python, but seen while typing. */
        NONE,
        /** Only {@code pass} or {@code ...}. */
        PASS,
        /** A docstring, optionally followed by {@code pass} or {@code ...}. */
        DOCSTRING,
        /** Anything that does something. */
        CODE
    }

    /** True when calling the function does nothing: a downgrade that does not undo anything. */
    public boolean isNoOp() {
        return bodyKind != BodyKind.CODE;
    }
}
