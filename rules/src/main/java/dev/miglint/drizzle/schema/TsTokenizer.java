package dev.miglint.drizzle.schema;

import dev.miglint.text.Problem;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits TypeScript into tokens, enough for Drizzle schema files. Every character is covered by a
 * token or is whitespace; an unterminated literal runs to the end of its line (or file) and is reported.
 * Never throws.
 */
public final class TsTokenizer {

    /** What was read, and what was not terminated. */
    public record Result(List<TsToken> tokens, List<Problem> problems) {
    }

    /** Longest first, so {@code ===} is not read as {@code ==} {@code =}. */
    private static final String[] PUNCTS = {">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=",
            "??=", "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=",
            "&=", "|=", "^=", "**", "<<", ">>"};
    /** After these words an expression starts, so a slash opens a regex. */
    private static final Set<String> REGEX_AFTER_WORDS = Set.of("return", "typeof", "case", "do", "else", "in",
            "of", "new", "delete", "void", "throw", "instanceof", "yield", "await");

    private final String src;
    private final List<TsToken> tokens = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int pos;

    private TsTokenizer(String src) {
        this.src = src;
    }

    public static Result tokenize(String src) {
        TsTokenizer t = new TsTokenizer(src);
        t.run();
        return new Result(List.copyOf(t.tokens), List.copyOf(t.problems));
    }

    private void run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            int start = pos;
            if (Character.isWhitespace(c)) {
                pos++;
                continue;
            }
            TsTokenKind kind = token(c);
            tokens.add(new TsToken(kind, start, Math.max(pos, start + 1)));
            pos = Math.max(pos, start + 1);
        }
    }

    private TsTokenKind token(char c) {
        if (c == '/' && peek(1) == '/') {
            pos = lineEnd(pos);
            return TsTokenKind.COMMENT;
        }
        if (c == '/' && peek(1) == '*') {
            blockComment();
            return TsTokenKind.COMMENT;
        }
        if (c == '\'' || c == '"') {
            pos = quoted(pos, c);
            return TsTokenKind.STRING;
        }
        if (c == '`') {
            pos = template(pos);
            return TsTokenKind.TEMPLATE;
        }
        if (Character.isDigit(c) || c == '.' && Character.isDigit(peek(1))) {
            pos = number(pos);
            return TsTokenKind.NUMBER;
        }
        if (Character.isJavaIdentifierStart(c) || c == '#' || c == '@') {
            pos = word(pos + 1);
            return TsTokenKind.IDENT;
        }
        if (c == '/' && regexAllowed()) {
            pos = regex(pos);
            return TsTokenKind.REGEX;
        }
        pos = punct(pos);
        return TsTokenKind.PUNCT;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private int lineEnd(int from) {
        int nl = src.indexOf('\n', from);
        return nl < 0 ? src.length() : nl;
    }

    private void blockComment() {
        int close = src.indexOf("*/", pos + 2);
        if (close < 0) {
            problems.add(new Problem(new Span(pos, src.length()), "unterminated /* comment"));
            pos = src.length();
        } else {
            pos = close + 2;
        }
    }

    private int word(int i) {
        while (i < src.length() && (Character.isJavaIdentifierPart(src.charAt(i)))) {
            i++;
        }
        return i;
    }

    /** Digits, one fraction, an exponent with its sign, separators and suffixes ({@code 1_000n}, {@code 0xff}). */
    private int number(int i) {
        boolean dot = false;
        while (i < src.length()) {
            char c = src.charAt(i);
            boolean sign = (c == '+' || c == '-') && (src.charAt(i - 1) == 'e' || src.charAt(i - 1) == 'E')
                    && !src.startsWith("0x", i - 2);
            if (c == '.' && !dot) {
                dot = true;
            } else if (!Character.isLetterOrDigit(c) && c != '_' && !sign) {
                break;
            }
            i++;
        }
        return i;
    }

    /** The end of a {@code '…'} or {@code "…"} string opened at {@code open}; a newline ends an unterminated one. */
    private int quoted(int open, char quote) {
        int i = open + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                break;
            } else {
                i++;
            }
        }
        int end = Math.min(i, src.length());
        problems.add(new Problem(new Span(open, end), "unterminated string"));
        return end;
    }

    /** The end of a template opened at {@code open}, stepping over {@code ${…}} with nested code inside. */
    private int template(int open) {
        int i = open + 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '`') {
                return i + 1;
            } else if (c == '$' && i + 1 < src.length() && src.charAt(i + 1) == '{') {
                i = substitution(i + 2);
            } else {
                i++;
            }
        }
        problems.add(new Problem(new Span(open, src.length()), "unterminated template string"));
        return src.length();
    }

    /** The index after the {@code }} that closes a substitution whose code starts at {@code i}. */
    private int substitution(int i) {
        int depth = 1;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\'' || c == '"') {
                i = quoted(i, c);
            } else if (c == '`') {
                i = template(i);
            } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
                i = lineEnd(i);
            } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '*') {
                int close = src.indexOf("*/", i + 2);
                i = close < 0 ? src.length() : close + 2;
            } else if (c == '{') {
                depth++;
                i++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            } else {
                i++;
            }
        }
        return src.length();
    }

    /** A slash starts a regex where an expression may start: after an operator, an opening bracket or a keyword. */
    private boolean regexAllowed() {
        TsToken prev = null;
        for (int k = tokens.size() - 1; k >= 0; k--) {
            if (!tokens.get(k).is(TsTokenKind.COMMENT)) {
                prev = tokens.get(k);
                break;
            }
        }
        if (prev == null) {
            return true;
        }
        return switch (prev.kind()) {
            case IDENT -> REGEX_AFTER_WORDS.contains(prev.text(src));
            case NUMBER, STRING, TEMPLATE, REGEX -> false;
            default -> !(prev.isPunct(src, ")") || prev.isPunct(src, "]") || prev.isPunct(src, "}")
                    || prev.isPunct(src, "++") || prev.isPunct(src, "--"));
        };
    }

    /** The end of a regex literal at {@code open}: a class {@code […]} may hold a slash; flags follow. */
    private int regex(int open) {
        int i = open + 1;
        boolean inClass = false;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\n') {
                break;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                return word(i + 1);
            }
            i++;
        }
        // Not a regex after all (a division the heuristic misread): a one-character slash is harmless.
        return open + 1;
    }

    private int punct(int i) {
        for (String p : PUNCTS) {
            if (src.startsWith(p, i)) {
                return i + p.length();
            }
        }
        return i + 1;
    }

    /**
     * The value of a string token: quotes removed, the common escapes decoded. A template without
     * substitutions has a value too; one with them has none (null).
     */
    public static String stringValue(String src, TsToken t) {
        String raw = t.text(src);
        if (raw.length() < 2 || !(t.is(TsTokenKind.STRING) || t.is(TsTokenKind.TEMPLATE))) {
            return null;
        }
        char q = raw.charAt(0);
        if (raw.charAt(raw.length() - 1) != q || t.is(TsTokenKind.TEMPLATE) && raw.contains("${")) {
            return null;
        }
        return unescape(raw.substring(1, raw.length() - 1));
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case '\n' -> {
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
