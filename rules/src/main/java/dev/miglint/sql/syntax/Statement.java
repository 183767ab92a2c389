package dev.miglint.sql.syntax;

import dev.miglint.text.Span;

import java.util.List;

/**
 * One SQL statement of a file, or of a DO block body.
 *
 * @param source          the whole file text; every offset points into it
 * @param tokens          significant tokens (no comments), without the terminating semicolon
 * @param span            from the first token to the terminator (or the last token)
 * @param terminator      the closing {@code ;}, or null when a breakpoint or the end of input ended it
 * @param leadingComments comments between the previous statement and this one
 * @param guard           where the statement sits inside a DO block; {@link Guard#NONE} at top level
 */
public record Statement(String source, List<Token> tokens, Span span, Token terminator,
                        List<Token> leadingComments, Guard guard) {

    public int size() {
        return tokens.size();
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    public String text(int i) {
        return tokens.get(i).text(source);
    }

    public boolean isWord(int i, String keyword) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isWord(source, keyword);
    }

    public boolean is(int i, TokenKind kind) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == kind;
    }

    /** The statement's source text, terminator included. */
    public String text() {
        return span.text(source);
    }

    /** Offset just past the last significant token: where text appended to the statement goes. */
    public int bodyEnd() {
        return tokens.isEmpty() ? span.start() : tokens.get(tokens.size() - 1).end();
    }
}
