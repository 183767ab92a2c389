package dev.miglint.python;

import dev.miglint.text.Problem;
import dev.miglint.text.SortedStarts;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * A Python module as significant tokens (no comments, no NL), its comments, its logical lines with
 * their indentation level, and a reader of the expressions revisions and models write: names, calls,
 * literals. Whatever else an expression is (subscripts, operators, dicts, comprehensions) becomes
 * {@link PyValue.Other}, never an exception. The revision reader and the model reader share it.
 */
public final class PySource {

    /** A logical line: tokens {@code [a, b)} at indentation {@code level} (0 = module level). */
    public record Line(int level, int a, int b) {
    }

    /** Deeper expressions are kept as {@link PyValue.Other}: it bounds the recursion. */
    private static final int MAX_DEPTH = 64;

    public final String src;
    public final List<PyToken> sig = new ArrayList<>();
    public final List<PyToken> comments = new ArrayList<>();
    public final List<Line> lines = new ArrayList<>();
    /** What the tokenizer and the string decoder could not read. */
    public final List<Problem> problems = new ArrayList<>();
    private final int[] match;

    public PySource(String src) {
        this.src = src;
        PyTokenizer.Result lexed = PyTokenizer.tokenize(src);
        problems.addAll(lexed.problems());
        for (PyToken t : lexed.tokens()) {
            if (t.is(PyTokenKind.COMMENT)) {
                comments.add(t);
            } else if (!t.is(PyTokenKind.NL)) {
                sig.add(t);
            }
        }
        match = matchBrackets();
        splitLines();
    }

    public PyToken tok(int i) {
        return sig.get(i);
    }

    public String text(int i) {
        return sig.get(i).text(src);
    }

    public boolean isOp(int i, String op) {
        return i < sig.size() && sig.get(i).isOp(src, op);
    }

    public boolean isName(int i, String name) {
        return i < sig.size() && sig.get(i).isName(src, name);
    }

    public Span span(int a, int b) {
        return new Span(sig.get(a).start(), sig.get(Math.max(a, b - 1)).end());
    }

    public String text(int a, int b) {
        return a >= b ? "" : span(a, b).text(src);
    }

    private void splitLines() {
        int level = 0;
        int start = -1;
        for (int i = 0; i < sig.size(); i++) {
            switch (sig.get(i).kind()) {
                case INDENT -> level++;
                case DEDENT -> level--;
                case ENDMARKER -> {
                }
                case NEWLINE -> {
                    if (start >= 0) {
                        lines.add(new Line(level, start, i));
                    }
                    start = -1;
                }
                default -> start = start < 0 ? i : start;
            }
        }
        if (start >= 0) {
            lines.add(new Line(level, start, sig.size() - 1));
        }
    }

    /** Index of each bracket's partner, -1 when unmatched (the tokenizer has reported those). */
    private int[] matchBrackets() {
        int[] m = new int[sig.size()];
        java.util.Arrays.fill(m, -1);
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < sig.size(); i++) {
            PyToken t = sig.get(i);
            if (t.kind() != PyTokenKind.OP || t.end() - t.start() != 1) {
                continue;
            }
            char c = src.charAt(t.start());
            if ("([{".indexOf(c) >= 0) {
                open.add(i);
            } else if (")]}".indexOf(c) >= 0 && !open.isEmpty()) {
                int o = open.remove(open.size() - 1);
                m[o] = i;
                m[i] = o;
            }
        }
        return m;
    }

    /** The bracket matching the one at {@code i}, or -1. */
    public int partner(int i) {
        return match[i];
    }

    /** The next index at the same bracket level: an opening bracket jumps past its partner. */
    public int next(int i, int b) {
        int m = match[i];
        return m > i && m < b ? m + 1 : i + 1;
    }

    /** The first top-level occurrence of operator {@code op} in {@code [a, b)}, or -1. */
    public int find(int a, int b, String op) {
        for (int i = a; i < b; i = next(i, b)) {
            if (isOp(i, op)) {
                return i;
            }
        }
        return -1;
    }

    /** Parts of {@code [a, b)} separated by top-level {@code sep}; empty parts are dropped. */
    public List<int[]> split(int a, int b, String sep) {
        List<int[]> out = new ArrayList<>();
        int from = a;
        for (int i = a; i < b; i = next(i, b)) {
            if (isOp(i, sep)) {
                out.add(new int[] {from, i});
                from = i + 1;
            }
        }
        out.add(new int[] {from, b});
        out.removeIf(p -> p[0] >= p[1]);
        return out;
    }

    // ---- expressions

    public PyValue value(int a, int b) {
        return value(a, b, 0);
    }

    public PyValue value(int a, int b, int depth) {
        if (a >= b) {
            int at = a < sig.size() ? sig.get(a).start() : src.length();
            return new PyValue.Other(new Span(at, at), "");
        }
        Span span = span(a, b);
        if (depth > MAX_DEPTH) {
            return new PyValue.Other(span, span.text(src));
        }
        if (allStrings(a, b)) {
            return string(a, b, span);
        }
        if (split(a, b, ",").size() > 1 || isOp(b - 1, ",") && b - a >= 2) {
            return new PyValue.TupleLit(span, items(a, b, depth));
        }
        PyValue atom = b - a <= 2 ? atom(a, b, span) : null;
        return atom != null ? atom : compound(a, b, span, depth);
    }

    private PyValue atom(int a, int b, Span span) {
        PyToken t = sig.get(b - 1);
        if (t.is(PyTokenKind.NUMBER) && (b - a == 1 || isOp(a, "-"))) {
            return new PyValue.NumberLit(span, span.text(src));
        }
        if (b - a != 1 || !t.is(PyTokenKind.NAME)) {
            return null;
        }
        return switch (t.text(src)) {
            case "None" -> new PyValue.NoneLit(span);
            case "True" -> new PyValue.BoolLit(span, true);
            case "False" -> new PyValue.BoolLit(span, false);
            default -> new PyValue.Name(span, t.text(src));
        };
    }

    private PyValue compound(int a, int b, Span span, int depth) {
        int dotted = dottedEnd(a, b);
        if (dotted == b) {
            return new PyValue.Name(span, dottedText(a, b));
        }
        if (dotted > a && isOp(dotted, "(") && match[dotted] == b - 1) {
            return new PyValue.Call(span, dottedText(a, dotted), span(a, dotted), args(dotted + 1, b - 1, depth));
        }
        // A comprehension is no list or tuple literal.
        boolean wrapped = match[a] == b - 1 && !hasTopLevel(a + 1, b - 1, "for");
        if (wrapped && isOp(a, "[")) {
            return new PyValue.ListLit(span, items(a + 1, b - 1, depth));
        }
        if (wrapped && isOp(a, "(")) {
            PyValue inner = value(a + 1, b - 1, depth + 1);
            return inner instanceof PyValue.TupleLit t ? new PyValue.TupleLit(span, t.items()) : inner;
        }
        return new PyValue.Other(span, span.text(src));
    }

    /** The arguments between a call's brackets. */
    public List<Arg> args(int a, int b, int depth) {
        List<Arg> out = new ArrayList<>();
        for (int[] part : split(a, b, ",")) {
            out.add(arg(part[0], part[1], depth));
        }
        return List.copyOf(out);
    }

    private Arg arg(int a, int b, int depth) {
        if (b - a >= 2 && sig.get(a).is(PyTokenKind.NAME) && isOp(a + 1, "=")) {
            return new Arg(text(a), span(a, b), value(a + 2, b, depth + 1));
        }
        if (b - a >= 2 && (isOp(a, "*") || isOp(a, "**"))) {
            return new Arg(text(a), span(a, b), value(a + 1, b, depth + 1));
        }
        return new Arg(null, span(a, b), value(a, b, depth + 1));
    }

    private List<PyValue> items(int a, int b, int depth) {
        List<PyValue> out = new ArrayList<>();
        for (int[] part : split(a, b, ",")) {
            out.add(value(part[0], part[1], depth + 1));
        }
        return List.copyOf(out);
    }

    private PyValue string(int a, int b, Span span) {
        List<PyToken> parts = sig.subList(a, b);
        if (parts.stream().anyMatch(t -> t.is(PyTokenKind.FSTRING))) {
            return new PyValue.FStringLit(span);
        }
        PyString.Decoded d = PyString.decode(src, parts);
        problems.addAll(d.problems());
        boolean bytes = parts.stream().anyMatch(t -> t.quote().bytes());
        return new PyValue.StringLit(span, d.value(), d.map(), bytes);
    }

    private boolean hasTopLevel(int a, int b, String keyword) {
        for (int i = a; i < b; i = next(i, b)) {
            if (isName(i, keyword)) {
                return true;
            }
        }
        return false;
    }

    /** The text of a dotted name, tokens only (no spaces or comments between them). */
    private String dottedText(int a, int b) {
        StringBuilder sb = new StringBuilder();
        for (int i = a; i < b; i++) {
            sb.append(sig.get(i).text(src));
        }
        return sb.toString();
    }

    public int dottedEnd(int a, int b) {
        if (!sig.get(a).is(PyTokenKind.NAME)) {
            return a;
        }
        int k = a + 1;
        while (k + 1 < b && isOp(k, ".") && sig.get(k + 1).is(PyTokenKind.NAME)) {
            k += 2;
        }
        return k;
    }

    public boolean allStrings(int a, int b) {
        for (int i = a; i < b; i++) {
            if (!sig.get(i).isString()) {
                return false;
            }
        }
        return a < b;
    }

    /** Token index of the first token starting at or after {@code offset}, for re-reading a value's tokens. */
    public int indexAt(int offset) {
        return SortedStarts.firstAtOrAfter(sig, PyToken::start, offset);
    }
}
