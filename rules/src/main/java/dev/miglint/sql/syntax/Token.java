package dev.miglint.sql.syntax;

import dev.miglint.text.Span;


/** One lexical token; offsets are UTF-16 indices into the file text. */
public record Token(TokenKind kind, int start, int end) {

    /** From the start of {@code first} to the end of {@code last}. */
    public static Span between(Token first, Token last) {
        return new Span(first.start(), last.end());
    }


    public String text(String source) {
        return source.substring(start, end);
    }

    public boolean is(TokenKind k) {
        return kind == k;
    }

    /** Case-insensitive keyword test without allocating. */
    public boolean isWord(String source, String keyword) {
        return kind == TokenKind.WORD
                && end - start == keyword.length()
                && source.regionMatches(true, start, keyword, 0, keyword.length());
    }

    /** The identifier this token spells, as PostgreSQL folds it: unquoted lower-cased, quoted as written. */
    public String identifier(String source) {
        String text = text(source);
        if (kind == TokenKind.QUOTED_IDENT) {
            int open = text.indexOf('"');
            int close = text.lastIndexOf('"');
            return close > open ? text.substring(open + 1, close).replace("\"\"", "\"") : text.substring(open + 1);
        }
        if (kind == TokenKind.PLACEHOLDER || kind == TokenKind.PSQL_VARIABLE) {
            return text;
        }
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
