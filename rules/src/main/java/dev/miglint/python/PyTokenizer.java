package dev.miglint.python;

import dev.miglint.text.Problem;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Python tokenizer, close to the standard library's {@code tokenize}: NEWLINE ends a logical line,
 * NL is a line break inside brackets or on a blank line, INDENT/DEDENT follow the indentation of
 * logical lines. Never throws: what it cannot close is recorded as a {@link Problem}. An unterminated
 * single-quoted string stops at the end of its line (where Python stops reading it), so one bad quote
 * does not swallow the rest of the file; an unterminated triple-quoted string runs to the end.
 */
public final class PyTokenizer {

    private static final String[] LONG_OPERATORS = {"**=", "//=", ">>=", "<<=", "...", "->", ":=", "==",
            "!=", "<=", ">=", "**", "//", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="};
    private static final String SHORT_OPERATORS = "()[]{},:;.+-*/%&|^~<>=@!";
    private static final Set<String> PREFIXES = Set.of("r", "u", "b", "f", "br", "rb", "fr", "rf");
    /** Deeper f-string nesting than this is read as plain text: it bounds the recursion. */
    private static final int MAX_FSTRING_NESTING = 50;

    private final String src;
    private final int len;
    private final List<PyToken> tokens = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    /** Indentation columns of the open blocks; the bottom is always 0. */
    private final List<Integer> indents = new ArrayList<>(List.of(0));
    /** Offsets of the open brackets, innermost last, for the depth and the unclosed-bracket problem. */
    private final List<Integer> openBrackets = new ArrayList<>();
    private int pos;
    private boolean atLineStart = true;
    private boolean continuation;
    private boolean lineHasContent;

    private PyTokenizer(String src) {
        this.src = src;
        this.len = src.length();
    }

    public record Result(List<PyToken> tokens, List<Problem> problems) {
    }

    public static Result tokenize(String src) {
        PyTokenizer t = new PyTokenizer(src);
        t.run();
        return new Result(List.copyOf(t.tokens), List.copyOf(t.problems));
    }

    private void run() {
        if (len > 0 && src.charAt(0) == '\uFEFF') {
            pos = 1;
        }
        while (pos < len) {
            if (atLineStart) {
                lineStart();
                continue;
            }
            next();
        }
        finish();
    }

    private void next() {
        char c = src.charAt(pos);
        int start = pos;
        if (c == ' ' || c == '\t' || c == '\f') {
            pos++;
        } else if (c == '\n' || c == '\r') {
            newline(start);
        } else if (c == '#') {
            pos = lineEnd(pos);
            add(PyTokenKind.COMMENT, start);
        } else if (c == '\\') {
            backslash(start);
        } else if (c == '"' || c == '\'') {
            string(start, start, 0);
        } else if (isIdentifierStart(src.codePointAt(pos))) {
            nameOrString(start);
        } else if (isDigit(c) || (c == '.' && pos + 1 < len && isDigit(src.charAt(pos + 1)))) {
            number(start);
        } else {
            operator(start, c);
        }
    }

    /** Indentation is measured only where a logical line can begin: outside brackets, after no backslash. */
    private void lineStart() {
        atLineStart = false;
        if (!openBrackets.isEmpty() || continuation) {
            continuation = false;
            return;
        }
        int col = 0;
        int i = pos;
        for (; i < len; i++) {
            char c = src.charAt(i);
            if (c == ' ') {
                col++;
            } else if (c == '\t') {
                col = (col / 8 + 1) * 8;
            } else if (c == '\f') {
                col = 0;
            } else {
                break;
            }
        }
        pos = i;
        if (i >= len || src.charAt(i) == '\n' || src.charAt(i) == '\r' || src.charAt(i) == '#') {
            return; // blank or comment-only lines do not change the indentation
        }
        indent(col, i);
    }

    private void indent(int col, int at) {
        int top = indents.get(indents.size() - 1);
        if (col > top) {
            indents.add(col);
            tokens.add(new PyToken(PyTokenKind.INDENT, lineBegin(at), at, 0, null));
            return;
        }
        while (col < indents.get(indents.size() - 1)) {
            indents.remove(indents.size() - 1);
            tokens.add(new PyToken(PyTokenKind.DEDENT, at, at, 0, null));
        }
        if (col != indents.get(indents.size() - 1)) {
            problems.add(new Problem(new Span(lineBegin(at), at),
                    "unindent does not match any outer indentation level"));
            indents.add(col); // read on as if it opened a block, as tokenize's recovery would
        }
    }

    private void newline(int start) {
        pos += src.startsWith("\r\n", pos) ? 2 : 1;
        boolean logical = openBrackets.isEmpty() && lineHasContent;
        tokens.add(new PyToken(logical ? PyTokenKind.NEWLINE : PyTokenKind.NL, start, pos, depth(), null));
        if (logical) {
            lineHasContent = false;
        }
        atLineStart = true;
    }

    private void backslash(int start) {
        int after = start + 1;
        if (after < len && (src.charAt(after) == '\n' || src.charAt(after) == '\r')) {
            pos = after + (src.startsWith("\r\n", after) ? 2 : 1);
            atLineStart = true;
            continuation = true;
            return;
        }
        pos = after;
        add(PyTokenKind.ERROR, start);
        problems.add(new Problem(new Span(start, pos), after >= len
                ? "backslash continuation at the end of the file"
                : "unexpected backslash outside a string"));
    }

    private void nameOrString(int start) {
        int i = start;
        while (i < len && isIdentifierPart(src.codePointAt(i))) {
            i += Character.charCount(src.codePointAt(i));
        }
        boolean quoteFollows = i < len && (src.charAt(i) == '"' || src.charAt(i) == '\'');
        if (quoteFollows && i - start <= 2 && PREFIXES.contains(src.substring(start, i).toLowerCase())) {
            string(start, i, 0);
            return;
        }
        pos = i;
        add(PyTokenKind.NAME, start);
    }

    private void number(int start) {
        int i = start;
        boolean radix = src.charAt(i) == '0' && i + 1 < len && "xXoObB".indexOf(src.charAt(i + 1)) >= 0;
        while (i < len) {
            char c = src.charAt(i);
            boolean exponentSign = (c == '+' || c == '-') && !radix && (src.charAt(i - 1) == 'e'
                    || src.charAt(i - 1) == 'E');
            if (!(isIdentifierPartAscii(c) || c == '.' || exponentSign)) {
                break;
            }
            i++;
        }
        pos = i;
        add(PyTokenKind.NUMBER, start);
    }

    private void operator(int start, char c) {
        for (String op : LONG_OPERATORS) {
            if (src.startsWith(op, start)) {
                pos = start + op.length();
                add(PyTokenKind.OP, start);
                return;
            }
        }
        pos = start + Character.charCount(src.codePointAt(start));
        if (SHORT_OPERATORS.indexOf(c) < 0) {
            add(PyTokenKind.ERROR, start);
            problems.add(new Problem(new Span(start, pos), "unexpected character " + src.substring(start, pos)));
            return;
        }
        if ("([{".indexOf(c) >= 0) {
            add(PyTokenKind.OP, start);
            openBrackets.add(start);
        } else if (")]}".indexOf(c) >= 0) {
            closeBracket(start);
        } else {
            add(PyTokenKind.OP, start);
        }
    }

    private void closeBracket(int start) {
        if (openBrackets.isEmpty()) {
            problems.add(new Problem(new Span(start, pos), "unmatched " + src.charAt(start)));
        } else {
            openBrackets.remove(openBrackets.size() - 1);
        }
        add(PyTokenKind.OP, start);
    }

    // ---- strings

    /** One scanned string body: where the content ends, where the token ends, whether it closed. */
    private record Scan(int contentEnd, int end, boolean closed) {
    }

    private void string(int start, int quoteAt, int nesting) {
        String prefix = src.substring(start, quoteAt);
        char q = src.charAt(quoteAt);
        boolean triple = src.startsWith(String.valueOf(q).repeat(3), quoteAt);
        int contentStart = quoteAt + (triple ? 3 : 1);
        boolean f = prefix.indexOf('f') >= 0 || prefix.indexOf('F') >= 0;
        Scan scan = scanBody(contentStart, q, triple, f, nesting);
        pos = scan.end();
        PyQuote quote = new PyQuote(prefix, src.substring(quoteAt, contentStart),
                new Span(contentStart, scan.contentEnd()), scan.closed());
        addString(f ? PyTokenKind.FSTRING : PyTokenKind.STRING, start, quote);
        if (!scan.closed()) {
            problems.add(new Problem(new Span(start, pos), triple
                    ? "unterminated triple-quoted string" : "unterminated string (it ends at the line break)"));
        }
    }

    /** Scans from just after the opening quote; a backslash escapes the next character, even in raw strings. */
    private Scan scanBody(int from, char q, boolean triple, boolean f, int nesting) {
        int i = from;
        while (i < len) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += src.startsWith("\r\n", i + 1) ? 3 : 2;
            } else if (!triple && (c == '\n' || c == '\r')) {
                return new Scan(i, i, false);
            } else if (c == q && (!triple || src.startsWith(String.valueOf(q).repeat(3), i))) {
                return new Scan(i, i + (triple ? 3 : 1), true);
            } else if (f && c == '{' && !src.startsWith("{{", i) && nesting < MAX_FSTRING_NESTING) {
                i = skipReplacementField(i + 1, triple, nesting);
            } else {
                i += (f && c == '{') ? 2 : 1; // "{{" is a literal brace
            }
        }
        return new Scan(len, len, false);
    }

    /**
     * Skips an f-string's {@code {expression}} (PEP 701: it may hold strings with any quotes) and
     * returns the index after its closing brace, or the line break where a one-line f-string must stop.
     */
    private int skipReplacementField(int from, boolean triple, int nesting) {
        int depth = 1;
        int i = from;
        while (i < len) {
            char c = src.charAt(i);
            if (!triple && (c == '\n' || c == '\r')) {
                return i;
            } else if (c == '"' || c == '\'') {
                i = nestedString(i, nesting);
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
                i++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
                i++;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return len;
    }

    private int nestedString(int quoteAt, int nesting) {
        int p = quoteAt;
        while (p > 0 && quoteAt - p < 2 && Character.isLetter(src.charAt(p - 1))) {
            p--;
        }
        boolean f = src.substring(p, quoteAt).toLowerCase().contains("f");
        char q = src.charAt(quoteAt);
        boolean triple = src.startsWith(String.valueOf(q).repeat(3), quoteAt);
        Scan scan = scanBody(quoteAt + (triple ? 3 : 1), q, triple, f, nesting + 1);
        return scan.end();
    }

    // ---- helpers

    private void finish() {
        for (int at : openBrackets) {
            problems.add(new Problem(new Span(at, at + 1), "unclosed " + src.charAt(at)));
        }
        if (lineHasContent) {
            tokens.add(new PyToken(PyTokenKind.NEWLINE, len, len, 0, null));
        }
        for (int i = 1; i < indents.size(); i++) {
            tokens.add(new PyToken(PyTokenKind.DEDENT, len, len, 0, null));
        }
        tokens.add(new PyToken(PyTokenKind.ENDMARKER, len, len, 0, null));
    }

    private void add(PyTokenKind kind, int start) {
        addToken(new PyToken(kind, start, pos, depth(), null));
    }

    private void addString(PyTokenKind kind, int start, PyQuote quote) {
        addToken(new PyToken(kind, start, pos, depth(), quote));
    }

    private void addToken(PyToken token) {
        tokens.add(token);
        if (token.kind() != PyTokenKind.COMMENT) {
            lineHasContent = true;
        }
    }

    /** Depth outside the token just scanned: an opening bracket is pushed after its token is added. */
    private int depth() {
        return openBrackets.size();
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < len && src.charAt(i) != '\n' && src.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private int lineBegin(int at) {
        int i = at;
        while (i > 0 && src.charAt(i - 1) != '\n' && src.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierPartAscii(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static boolean isIdentifierStart(int cp) {
        return cp == '_' || Character.isUnicodeIdentifierStart(cp);
    }

    private static boolean isIdentifierPart(int cp) {
        return cp == '_' || (Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
    }
}
