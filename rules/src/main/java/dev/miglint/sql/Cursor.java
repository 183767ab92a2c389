package dev.miglint.sql;

import dev.miglint.change.Name;
import dev.miglint.sql.syntax.Keywords;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.Token;
import dev.miglint.sql.syntax.TokenKind;
import dev.miglint.text.Span;

import java.util.Locale;

/** A read position in one statement's tokens, with the small vocabulary the recognizer needs. */
final class Cursor {

    final Statement s;
    int i;

    Cursor(Statement s, int start) {
        this.s = s;
        this.i = start;
    }

    boolean atEnd() {
        return i >= s.size();
    }

    boolean at(String keyword) {
        return s.isWord(i, keyword);
    }

    boolean at(TokenKind kind) {
        return s.is(i, kind);
    }

    /** True when the next words are exactly {@code keywords}. */
    boolean atAll(String... keywords) {
        for (int k = 0; k < keywords.length; k++) {
            if (!s.isWord(i + k, keywords[k])) {
                return false;
            }
        }
        return true;
    }

    /** Consumes {@code keywords} if they come next, all of them. */
    boolean accept(String... keywords) {
        if (!atAll(keywords)) {
            return false;
        }
        i += keywords.length;
        return true;
    }

    boolean accept(TokenKind kind) {
        if (!at(kind)) {
            return false;
        }
        i++;
        return true;
    }

    /** Consumes one of the words and returns it upper-cased, or null. */
    String acceptOneOf(String... words) {
        for (String w : words) {
            if (at(w)) {
                i++;
                return w;
            }
        }
        return null;
    }

    /** Offset of the current token, or the end of the statement's text when past the last one. */
    int offset() {
        return atEnd() ? s.bodyEnd() : s.token(i).start();
    }

    boolean atIdentifier() {
        return at(TokenKind.WORD) || at(TokenKind.QUOTED_IDENT) || at(TokenKind.PLACEHOLDER)
                || at(TokenKind.PSQL_VARIABLE);
    }

    /** Reads one identifier, normalised; null (and no move) when there is none. */
    String ident() {
        if (!atIdentifier()) {
            return null;
        }
        return normalise(s.token(i++));
    }

    /** Reads {@code a}, {@code a.b} or {@code a.b.c}; keeps the last two parts. */
    Name name() {
        if (!atIdentifier()) {
            return null;
        }
        int first = i;
        String part = ident();
        String schema = null;
        while (at(TokenKind.DOT) && (s.is(i + 1, TokenKind.WORD) || s.is(i + 1, TokenKind.QUOTED_IDENT)
                || s.is(i + 1, TokenKind.PLACEHOLDER) || s.is(i + 1, TokenKind.PSQL_VARIABLE))) {
            i++;
            schema = part;
            part = ident();
        }
        return new Name(schema, part, new Span(s.token(first).start(), s.token(i - 1).end()));
    }

    /** Skips a balanced ( … ) group if one starts here. */
    void skipParens() {
        if (!at(TokenKind.LPAREN)) {
            return;
        }
        int depth = 0;
        while (!atEnd()) {
            TokenKind k = s.token(i).kind();
            i++;
            if (k == TokenKind.LPAREN) {
                depth++;
            } else if (k == TokenKind.RPAREN && --depth == 0) {
                return;
            }
        }
    }

    /** Index of the token that closes the parenthesis at {@code open}, or the last index. */
    int matchingParen(int open) {
        int depth = 0;
        for (int k = open; k < s.size(); k++) {
            TokenKind kind = s.token(k).kind();
            if (kind == TokenKind.LPAREN) {
                depth++;
            } else if (kind == TokenKind.RPAREN && --depth == 0) {
                return k;
            }
        }
        return s.size() - 1;
    }

    /** Finds {@code keyword} at parenthesis depth 0 in [from, to); -1 when absent. */
    int findTopLevel(int from, int to, String keyword) {
        int depth = 0;
        for (int k = from; k < to; k++) {
            TokenKind kind = s.token(k).kind();
            if (kind == TokenKind.LPAREN || kind == TokenKind.LBRACKET) {
                depth++;
            } else if (kind == TokenKind.RPAREN || kind == TokenKind.RBRACKET) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && s.isWord(k, keyword)) {
                return k;
            }
        }
        return -1;
    }

    /** Text from token {@code from} through token {@code to} inclusive, as written. */
    String textOf(int from, int to) {
        if (from > to || from >= s.size()) {
            return "";
        }
        return s.source().substring(s.token(from).start(), s.token(Math.min(to, s.size() - 1)).end());
    }

    /**
     * Up to {@code max} words from here, for action labels like "ENABLE ROW LEVEL SECURITY" or
     * "OWNER TO app": keywords upper-cased, names as PostgreSQL folds them.
     */
    String words(int max) {
        StringBuilder b = new StringBuilder();
        for (int k = i; k < s.size() && k < i + max && (s.is(k, TokenKind.WORD) || s.is(k, TokenKind.QUOTED_IDENT)); k++) {
            if (b.length() > 0) {
                b.append(' ');
            }
            String word = normalise(s.token(k));
            b.append(Keywords.isKeyword(word) ? word.toUpperCase(Locale.ROOT) : word);
        }
        return b.toString();
    }

    static String normalise(Token token, String source) {
        return token.identifier(source);
    }

    private String normalise(Token token) {
        return normalise(token, s.source());
    }
}
