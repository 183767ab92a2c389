package dev.miglint.python;

import dev.miglint.text.OffsetMap;
import dev.miglint.text.Problem;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of Python string literals, with an {@link OffsetMap} back to the file, so SQL found in
 * {@code op.execute("…")} can be reported on the exact characters of the {@code .py} file.
 */
public final class PyString {

    private PyString() {
    }

    /** A decoded value: {@code map.start(i)} is where value character {@code i} was written. */
    public record Decoded(String value, OffsetMap map, List<Problem> problems) {
    }

    /** Decodes one literal. */
    public static Decoded decode(String src, PyToken literal) {
        return decode(src, List.of(literal));
    }

    /**
     * Decodes adjacent literals ({@code "a" "b"} is {@code "ab"}) into one value. An f-string has no
     * value without its expressions: its text is taken as written, and a problem says so.
     */
    public static Decoded decode(String src, List<PyToken> literals) {
        Builder b = new Builder(src);
        for (PyToken t : literals) {
            b.literal(t);
        }
        return b.build();
    }

    private static final class Builder {
        private final String src;
        private final StringBuilder value = new StringBuilder();
        private final List<Problem> problems = new ArrayList<>();
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        private int tail;

        Builder(String src) {
            this.src = src;
        }

        void literal(PyToken t) {
            PyQuote q = t.quote();
            if (q == null) {
                problems.add(new Problem(t.span(), "not a string literal"));
                return;
            }
            if (q.fString()) {
                problems.add(new Problem(t.span(), "f-string: its value depends on the expressions inside"));
            }
            boolean raw = q.raw() || q.fString();
            int i = q.content().start();
            int end = q.content().end();
            while (i < end) {
                i = raw ? rawChar(i) : cookedChar(i, end, q.bytes());
            }
            tail = end;
        }

        /** Raw strings map 1:1, except that a CR LF line break reads as one {@code \n}. */
        private int rawChar(int i) {
            if (src.startsWith("\r\n", i)) {
                emit('\n', i, i + 2);
                return i + 2;
            }
            char c = src.charAt(i);
            emit(c == '\r' ? '\n' : c, i, i + 1);
            return i + 1;
        }

        private int cookedChar(int i, int end, boolean bytes) {
            if (src.charAt(i) != '\\' || i + 1 >= end) {
                return rawChar(i);
            }
            char e = src.charAt(i + 1);
            switch (e) {
                case '\n':
                    return i + 2; // line continuation: contributes nothing
                case '\r':
                    return i + (src.startsWith("\r\n", i + 1) ? 3 : 2);
                case '\\', '\'', '"':
                    return emit(e, i, i + 2);
                case 'a':
                    return emit('\u0007', i, i + 2);
                case 'b':
                    return emit('\b', i, i + 2);
                case 'f':
                    return emit('\f', i, i + 2);
                case 'n':
                    return emit('\n', i, i + 2);
                case 'r':
                    return emit('\r', i, i + 2);
                case 't':
                    return emit('\t', i, i + 2);
                case 'v':
                    return emit('\u000B', i, i + 2);
                case 'x':
                    return hex(i, end, 2);
                case 'u':
                    return bytes ? unknownEscape(i) : hex(i, end, 4);
                case 'U':
                    return bytes ? unknownEscape(i) : hex(i, end, 8);
                case 'N':
                    return bytes ? unknownEscape(i) : named(i, end);
                default:
                    return e >= '0' && e <= '7' ? octal(i, end) : unknownEscape(i);
            }
        }

        /** Python keeps an unknown escape such as {@code \d} as both characters. */
        private int unknownEscape(int i) {
            emit('\\', i, i + 1);
            return i + 1;
        }

        private int hex(int i, int end, int digits) {
            int from = i + 2;
            int to = from + digits;
            if (to > end || !allHex(from, to)) {
                problems.add(new Problem(new Span(i, Math.min(to, end)), "truncated \\" + src.charAt(i + 1)
                        + " escape"));
                return unknownEscape(i);
            }
            int cp = (int) Long.parseLong(src.substring(from, to), 16);
            return codePoint(cp, i, to);
        }

        private int octal(int i, int end) {
            int to = i + 1;
            while (to < end && to < i + 4 && src.charAt(to) >= '0' && src.charAt(to) <= '7') {
                to++;
            }
            return codePoint(Integer.parseInt(src.substring(i + 1, to), 8), i, to);
        }

        private int named(int i, int end) {
            int close = src.indexOf('}', i);
            if (i + 2 >= end || src.charAt(i + 2) != '{' || close < 0 || close >= end) {
                problems.add(new Problem(new Span(i, i + 2), "malformed \\N{…} escape"));
                return unknownEscape(i);
            }
            try {
                return codePoint(Character.codePointOf(src.substring(i + 3, close)), i, close + 1);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(new Span(i, close + 1), "unknown character name in \\N{…}"));
                return unknownEscape(i);
            }
        }

        /** A supplementary character is two UTF-16 values; both map to the whole escape. */
        private int codePoint(int cp, int from, int to) {
            if (!Character.isValidCodePoint(cp)) {
                problems.add(new Problem(new Span(from, to), "escape is not a valid character"));
                return unknownEscape(from);
            }
            for (char c : Character.toChars(cp)) {
                emit(c, from, to);
            }
            return to;
        }

        private boolean allHex(int from, int to) {
            for (int k = from; k < to; k++) {
                if (Character.digit(src.charAt(k), 16) < 0) {
                    return false;
                }
            }
            return true;
        }

        private int emit(char c, int from, int to) {
            int n = value.length();
            if (n == starts.length) {
                starts = java.util.Arrays.copyOf(starts, n * 2);
                ends = java.util.Arrays.copyOf(ends, n * 2);
            }
            value.append(c);
            starts[n] = from;
            ends[n] = to;
            return to;
        }

        Decoded build() {
            int n = value.length();
            OffsetMap map = new OffsetMap(java.util.Arrays.copyOf(starts, n), java.util.Arrays.copyOf(ends, n),
                    tail);
            return new Decoded(value.toString(), map, List.copyOf(problems));
        }
    }
}
