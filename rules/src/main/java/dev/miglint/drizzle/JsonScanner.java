package dev.miglint.drizzle;

import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A strict JSON scanner (exactly RFC 8259, as Node's {@code JSON.parse} in drizzle) that keeps where
 * each value is, so findings point into the journal and snapshots; the few values the checks need
 * are read from the text at those places.
 */
final class JsonScanner {

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    /** Deeper than any drizzle file; stops a hostile file from overflowing the stack. */
    private static final int MAX_DEPTH = 256;

    sealed interface Node permits Obj, Arr, Scalar {
        Span span();
    }

    record Member(String key, Span keySpan, Node value) {
    }

    record Obj(Span span, List<Member> members) implements Node {
        /** The last member with this key: JSON.parse keeps the last of duplicate keys too. */
        Optional<Node> get(String key) {
            Node found = null;
            for (Member m : members) {
                if (m.key().equals(key)) {
                    found = m.value();
                }
            }
            return Optional.ofNullable(found);
        }
    }

    record Arr(Span span, List<Node> items) implements Node {
    }

    /** A string, number, true, false or null; the span includes a string's quotes. */
    record Scalar(Span span) implements Node {
    }

    /** The root, or the first error and where it is. */
    record Result(Node root, String error, int errorAt) {
        boolean ok() {
            return root != null;
        }
    }

    private static final class Failure extends RuntimeException {
        final int at;

        Failure(String message, int at) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private final String text;
    private int pos;
    /** Below this depth values are checked without building nodes. */
    private int nodeDepth = MAX_DEPTH;

    private JsonScanner(String text) {
        this.text = text;
    }

    /** Member {@code key} of {@code object} as a string, or null when it is absent or no string. */
    static String string(String text, Obj object, String key) {
        return object.get(key).map(n -> stringValue(text, n)).orElse(null);
    }

    /** Member {@code key} of {@code object} as a whole number (1700000000000, 1.7e12), or empty. */
    static java.util.OptionalLong wholeNumber(String text, Obj object, String key) {
        Node n = object.get(key).orElse(null);
        if (!(n instanceof Scalar s) || !NUMBER.matcher(s.span().text(text)).matches()) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(new java.math.BigDecimal(s.span().text(text)).longValueExact());
        } catch (ArithmeticException notWhole) {
            return java.util.OptionalLong.empty();
        }
    }

    /** The value of a scanned string (its escapes decoded), or null when {@code node} is no string. */
    static String stringValue(String text, Node node) {
        if (!(node instanceof Scalar s) || s.span().end() - s.span().start() < 2 || text.charAt(s.span().start()) != '"') {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = s.span().start() + 1; i < s.span().end() - 1; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(++i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e); // \" \\ \/
            }
        }
        return out.toString();
    }

    static Result scan(String text) {
        return scan(text, MAX_DEPTH);
    }

    /**
     * As {@link #scan(String)}, but values deeper than {@code nodeDepth} are only checked, not built:
     * each stands as a {@link Scalar} over its whole text. A snapshot needs its top two levels of a
     * document of hundreds of KB; validating the rest without building it is several times cheaper.
     */
    static Result scan(String text, int nodeDepth) {
        JsonScanner s = new JsonScanner(text);
        s.nodeDepth = nodeDepth;
        try {
            if (text.startsWith("\uFEFF")) {
                s.pos = 1;
            }
            Node root = s.value(0);
            s.skipSpace();
            if (s.pos < text.length()) {
                throw new Failure("unexpected text after the JSON value", s.pos);
            }
            return new Result(root, null, -1);
        } catch (Failure f) {
            return new Result(null, f.getMessage(), Math.min(f.at, text.length()));
        }
    }

    private Node value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new Failure("nested too deeply", pos);
        }
        skipSpace();
        if (pos >= text.length()) {
            throw new Failure("unexpected end of text", pos);
        }
        char c = text.charAt(pos);
        if (depth > nodeDepth) {
            int start = pos;
            skipValue(depth);
            return new Scalar(new Span(start, pos));
        }
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> {
                int start = pos;
                string();
                yield new Scalar(new Span(start, pos));
            }
            default -> literal();
        };
    }

    private Obj object(int depth) {
        int start = pos++;
        List<Member> members = new ArrayList<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return new Obj(new Span(start, pos), members);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw new Failure("expected a quoted key", pos);
            }
            int keyStart = pos;
            String key = string();
            Span keySpan = new Span(keyStart, pos);
            skipSpace();
            expect(':');
            members.add(new Member(key, keySpan, value(depth + 1)));
            skipSpace();
            if (peek() == '}') {
                pos++;
                return new Obj(new Span(start, pos), members);
            }
            expect(',');
        }
    }

    private Arr array(int depth) {
        int start = pos++;
        List<Node> items = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return new Arr(new Span(start, pos), items);
        }
        while (true) {
            items.add(value(depth + 1));
            skipSpace();
            if (peek() == ']') {
                pos++;
                return new Arr(new Span(start, pos), items);
            }
            expect(',');
        }
    }

    /** Checks the value at pos as {@link #value} does, building nothing. */
    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw new Failure("nested too deeply", pos);
        }
        skipSpace();
        char c = peek();
        if (c == '{' || c == '[') {
            char close = c == '{' ? '}' : ']';
            pos++;
            skipSpace();
            if (peek() == close) {
                pos++;
                return;
            }
            while (true) {
                skipSpace();
                if (c == '{') {
                    if (peek() != '"') {
                        throw new Failure("expected a quoted key", pos);
                    }
                    skipString();
                    skipSpace();
                    expect(':');
                }
                skipValue(depth + 1);
                skipSpace();
                if (peek() == close) {
                    pos++;
                    return;
                }
                expect(',');
            }
        }
        if (c == '"') {
            skipString();
        } else {
            literal();
        }
    }

    /** Checks a quoted string at pos without decoding it. */
    private void skipString() {
        int start = pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw new Failure("control character in a string", pos - 1);
            }
            if (c == '\\') {
                escape();
            }
        }
        throw new Failure("unterminated string", start);
    }

    /** Reads a quoted string at pos and returns its decoded value. */
    private String string() {
        int start = pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new Failure("control character in a string", pos - 1);
            }
            out.append(c == '\\' ? escape() : c);
        }
        throw new Failure("unterminated string", start);
    }

    private char escape() {
        char e = peek();
        pos++;
        return switch (e) {
            case '"', '\\', '/' -> e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode();
            default -> throw new Failure("bad escape", pos - 2);
        };
    }

    private char unicode() {
        if (pos + 4 > text.length()) {
            throw new Failure("bad \\u escape", pos - 2);
        }
        try {
            char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
            pos += 4;
            return c;
        } catch (NumberFormatException e) {
            throw new Failure("bad \\u escape", pos - 2);
        }
    }

    /** A number, true, false or null: checked by shape, read later by Gson. */
    private Scalar literal() {
        int start = pos;
        while (pos < text.length() && "+-.0123456789eEtruefalsn".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String word = text.substring(start, pos);
        boolean ok = word.equals("true") || word.equals("false") || word.equals("null") || NUMBER.matcher(word).matches();
        if (!ok) {
            throw new Failure("unexpected " + (word.isEmpty() ? describe(start) : "'" + word + "'"), start);
        }
        return new Scalar(new Span(start, pos));
    }

    private String describe(int at) {
        return at < text.length() ? "'" + text.charAt(at) + "'" : "end of text";
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new Failure("expected '" + c + "' but found " + describe(pos), pos);
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }
}
