package dev.miglint.sql.syntax;

import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL lexer. Never throws: whatever it cannot close runs to the end of the input and is
 * recorded as a {@link LexProblem}. Whitespace (including a UTF-8 BOM and CR) produces no token.
 */
public final class SqlLexer {

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?:";

    private final String src;
    private final int limit;
    private final List<Token> tokens = new ArrayList<>();
    private final List<LexProblem> problems = new ArrayList<>();
    private int pos;
    /** Index in {@link #tokens} where the current statement began, to spot COPY … FROM STDIN. */
    private int statementStart;

    private SqlLexer(String src, int from, int to) {
        this.src = src;
        this.pos = from;
        this.limit = to;
    }

    public record Result(List<Token> tokens, List<LexProblem> problems) {
    }

    public static Result lex(String src) {
        return lex(src, 0, src.length());
    }

    /** Lexes {@code src[from, to)}; token offsets stay relative to the whole of {@code src}. */
    public static Result lex(String src, int from, int to) {
        SqlLexer lexer = new SqlLexer(src, from, to);
        lexer.run();
        return new Result(List.copyOf(lexer.tokens), List.copyOf(lexer.problems));
    }

    private void run() {
        while (pos < limit) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
                continue;
            }
            int start = pos;
            if (c == '\\') {
                // psql reads a backslash outside quotes as a meta-command up to the end of the line,
                // wherever it stands (SELECT … \gexec); SQL itself has no backslash operator.
                pos = lineEnd(pos);
                add(TokenKind.META_COMMAND, start);
                statementStart = tokens.size();
                if (src.regionMatches(true, start, "\\copy", 0, 5) && containsStdin(start, pos)) {
                    copyData();
                }
            } else if (c == '-' && peek(1) == '-') {
                lineComment(start);
            } else if (c == '/' && peek(1) == '*') {
                blockComment(start);
            } else if (c == '\'') {
                quoted(start, pos + 1, '\'', false, TokenKind.STRING, "string literal");
            } else if (c == '"') {
                quoted(start, pos + 1, '"', false, TokenKind.QUOTED_IDENT, "quoted identifier");
            } else if (c == ':' && isPsqlVariable()) {
                psqlVariable(start);
            } else if (c == '$') {
                dollar(start);
            } else if (isIdentStart(c)) {
                word(start);
            } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
                number(start);
            } else {
                punctuation(start, c);
            }
        }
    }

    private void lineComment(int start) {
        pos = lineEnd(pos);
        add(isBreakpoint(start) ? TokenKind.BREAKPOINT : TokenKind.LINE_COMMENT, start);
    }

    private boolean isBreakpoint(int start) {
        if (!src.startsWith("-->", start)) {
            return false;
        }
        int i = start + 3;
        while (i < pos && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
            i++;
        }
        return src.regionMatches(true, i, "statement-breakpoint", 0, "statement-breakpoint".length());
    }

    private void blockComment(int start) {
        int depth = 0;
        int i = start;
        while (i < limit) {
            if (src.charAt(i) == '/' && i + 1 < limit && src.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (src.charAt(i) == '*' && i + 1 < limit && src.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    pos = i;
                    add(TokenKind.BLOCK_COMMENT, start);
                    return;
                }
            } else {
                i++;
            }
        }
        pos = limit;
        add(TokenKind.BLOCK_COMMENT, start);
        problem(start, "unterminated /* comment */");
    }

    /**
     * A quoted run closed by {@code quote}; a doubled quote is an escaped one. With
     * {@code backslashEscapes} (E'…' strings) a backslash escapes the next character.
     */
    private void quoted(int start, int bodyStart, char quote, boolean backslashEscapes, TokenKind kind, String what) {
        int i = bodyStart;
        while (i < limit) {
            char ch = src.charAt(i);
            if (backslashEscapes && ch == '\\') {
                i += 2;
                continue;
            }
            if (ch == quote) {
                if (i + 1 < limit && src.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                pos = i + 1;
                add(kind, start);
                return;
            }
            i++;
        }
        pos = limit;
        add(kind, start);
        problem(start, "unterminated " + what);
    }

    /** {@code :name}, {@code :'name'} or {@code :"name"}, but not the {@code ::} cast or {@code :=}. */
    private boolean isPsqlVariable() {
        char next = peek(1);
        boolean afterColon = pos > 0 && src.charAt(pos - 1) == ':';
        return !afterColon && (isIdentStart(next) || next == '\'' || next == '"');
    }

    private void psqlVariable(int start) {
        char next = peek(1);
        if (next == '\'' || next == '"') {
            quoted(start, pos + 2, next, false, TokenKind.PSQL_VARIABLE, "psql variable");
            return;
        }
        pos++;
        while (pos < limit && (isIdentStart(src.charAt(pos)) || isDigit(src.charAt(pos)))) {
            pos++;
        }
        add(TokenKind.PSQL_VARIABLE, start);
    }

    private void dollar(int start) {
        char next = peek(1);
        if (isDigit(next)) {
            pos++;
            while (pos < limit && isDigit(src.charAt(pos))) {
                pos++;
            }
            add(TokenKind.PARAM, start);
            return;
        }
        if (next == '{') {
            int close = src.indexOf('}', pos);
            pos = close < 0 || close >= limit ? lineEnd(pos) : close + 1;
            add(TokenKind.PLACEHOLDER, start);
            return;
        }
        int tagEnd = dollarTagEnd(start);
        if (tagEnd < 0) {
            pos++;
            add(TokenKind.OPERATOR, start);
            return;
        }
        String delimiter = src.substring(start, tagEnd + 1);
        int close = src.indexOf(delimiter, tagEnd + 1);
        if (close < 0 || close + delimiter.length() > limit) {
            pos = limit;
            add(TokenKind.DOLLAR_STRING, start);
            problem(start, "unterminated " + delimiter + " quote");
            return;
        }
        pos = close + delimiter.length();
        add(TokenKind.DOLLAR_STRING, start);
    }

    /** Index of the closing '$' of a dollar-quote tag starting at {@code start}, or -1. */
    private int dollarTagEnd(int start) {
        int i = start + 1;
        if (i < limit && src.charAt(i) == '$') {
            return i;
        }
        if (i >= limit || !isIdentStart(src.charAt(i))) {
            return -1;
        }
        while (i < limit) {
            char ch = src.charAt(i);
            if (ch == '$') {
                return i;
            }
            if (!isIdentStart(ch) && !isDigit(ch)) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private void word(int start) {
        char first = src.charAt(start);
        char next = peek(1);
        // Prefixed literals: E'…' (backslash escapes), B'…', X'…', N'…', U&'…' / U&"…".
        if (next == '\'') {
            boolean escapes = first == 'e' || first == 'E';
            if (escapes || "bBxXnN".indexOf(first) >= 0) {
                quoted(start, start + 2, '\'', escapes, TokenKind.STRING, "string literal");
                return;
            }
        }
        if ((first == 'u' || first == 'U') && next == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            char quote = peek(2);
            quoted(start, start + 3, quote, false,
                    quote == '"' ? TokenKind.QUOTED_IDENT : TokenKind.STRING,
                    quote == '"' ? "quoted identifier" : "string literal");
            return;
        }
        pos++;
        while (pos < limit) {
            char ch = src.charAt(pos);
            if (!isIdentStart(ch) && !isDigit(ch) && ch != '$') {
                break;
            }
            pos++;
        }
        add(TokenKind.WORD, start);
    }

    private void number(int start) {
        pos++;
        while (pos < limit) {
            char ch = src.charAt(pos);
            if (isDigit(ch) || Character.isLetter(ch) || ch == '_') {
                pos++;
            } else if (ch == '.' && peek(1) != '.') {
                pos++;
            } else if ((ch == '+' || ch == '-') && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')
                    && isDigit(peek(1))) {
                pos++;
            } else {
                break;
            }
        }
        add(TokenKind.NUMBER, start);
    }

    private void punctuation(int start, char c) {
        TokenKind kind = switch (c) {
            case '(' -> TokenKind.LPAREN;
            case ')' -> TokenKind.RPAREN;
            case '[' -> TokenKind.LBRACKET;
            case ']' -> TokenKind.RBRACKET;
            case ',' -> TokenKind.COMMA;
            case ';' -> TokenKind.SEMICOLON;
            case '.' -> TokenKind.DOT;
            default -> null;
        };
        if (kind != null) {
            pos++;
            add(kind, start);
            if (kind == TokenKind.SEMICOLON) {
                if (isCopyFromStdin()) {
                    copyData();
                }
                statementStart = tokens.size();
            }
            return;
        }
        if (OPERATOR_CHARS.indexOf(c) < 0) {
            // Anything else (a stray backslash, a non-letter symbol) is a one-character operator.
            pos++;
            add(TokenKind.OPERATOR, start);
            return;
        }
        pos++;
        while (pos < limit && OPERATOR_CHARS.indexOf(src.charAt(pos)) >= 0) {
            char ch = src.charAt(pos);
            // A comment start ends the operator, as in PostgreSQL's scanner.
            if ((ch == '-' && peek(1) == '-') || (ch == '/' && peek(1) == '*')) {
                break;
            }
            pos++;
        }
        add(TokenKind.OPERATOR, start);
    }

    /** True when the statement just ended is {@code COPY … FROM STDIN}: data lines follow it. */
    private boolean isCopyFromStdin() {
        int first = statementStart;
        while (first < tokens.size() && tokens.get(first).kind().isTrivia()) {
            first++;
        }
        if (first >= tokens.size() || !tokens.get(first).isWord(src, "COPY")) {
            return false;
        }
        for (int k = first + 1; k + 1 < tokens.size(); k++) {
            if (tokens.get(k).isWord(src, "FROM") && tokens.get(k + 1).isWord(src, "STDIN")) {
                return true;
            }
        }
        return false;
    }

    private boolean containsStdin(int from, int to) {
        return src.substring(from, to).toLowerCase(java.util.Locale.ROOT).contains("stdin");
    }

    /** Skips the data of a COPY FROM STDIN, up to a line holding only {@code \.}, as psql does. */
    private void copyData() {
        int lineStart = lineEnd(pos);
        if (lineStart < limit && src.charAt(lineStart) == '\r') {
            lineStart++;
        }
        if (lineStart < limit && src.charAt(lineStart) == '\n') {
            lineStart++;
        }
        int start = lineStart;
        while (lineStart < limit) {
            int end = lineEnd(lineStart);
            boolean terminator = src.startsWith("\\.", lineStart) && src.substring(lineStart + 2, end).isBlank();
            lineStart = end;
            if (lineStart < limit && src.charAt(lineStart) == '\r') {
                lineStart++;
            }
            if (lineStart < limit && src.charAt(lineStart) == '\n') {
                lineStart++;
            }
            if (terminator) {
                pos = end;
                tokens.add(new Token(TokenKind.COPY_DATA, start, end));
                return;
            }
        }
        pos = limit;
        if (start < limit) {
            tokens.add(new Token(TokenKind.COPY_DATA, start, limit));
        }
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < limit && src.charAt(i) != '\n' && src.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < limit ? src.charAt(i) : '\0';
    }

    private void add(TokenKind kind, int start) {
        tokens.add(new Token(kind, start, pos));
    }

    private void problem(int start, String message) {
        problems.add(new LexProblem(new Span(start, Math.min(limit, start + 2)), message));
    }

    static boolean isIdentStart(char c) {
        // PostgreSQL takes every non-ASCII character as an identifier character.
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                || (c > 127 && c != '\uFEFF' && !Character.isWhitespace(c));
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
