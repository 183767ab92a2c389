package dev.miglint.change;

import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.Token;
import dev.miglint.text.SortedStarts;
import dev.miglint.text.Span;

/**
 * A column definition as written in CREATE TABLE or ADD COLUMN.
 *
 * @param defaultValue the DEFAULT expression as written, or null
 * @param references   the referenced table of an inline REFERENCES, or null
 */
public record ColumnDef(String name, String type, boolean notNull, boolean primaryKey, boolean unique,
                        String defaultValue, String references, boolean generated, Span span) {

    /** The range of the column's name: the first token of the definition. */
    public Span nameSpan(Statement statement) {
        int at = tokenAt(statement, span.start());
        return at < 0 ? span : new Span(span.start(), statement.token(at).end());
    }

    /** The range of {@link #type()} as written, or null when the definition names no type. */
    public Span typeSpan(Statement statement) {
        int at = tokenAt(statement, span.start());
        if (type.isEmpty() || at < 0 || at + 1 >= statement.size()) {
            return null;
        }
        int start = statement.token(at + 1).start();
        return new Span(start, start + type.length());
    }

    /** The token starting at {@code offset}, or -1 (searched, as a wide table has hundreds of columns). */
    private static int tokenAt(Statement statement, int offset) {
        int at = SortedStarts.firstAtOrAfter(statement.tokens(), Token::start, offset);
        return at < statement.size() && statement.token(at).start() == offset ? at : -1;
    }
}
