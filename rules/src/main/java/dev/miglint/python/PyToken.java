package dev.miglint.python;

import dev.miglint.text.Span;

/**
 * One Python token; offsets are UTF-16 indices into the file text. {@code depth} is the bracket
 * depth outside the token, so an opening bracket and its closing partner share one depth.
 * {@code quote} is set for STRING and FSTRING tokens only.
 */
public record PyToken(PyTokenKind kind, int start, int end, int depth, PyQuote quote) {

    public String text(String source) {
        return source.substring(start, end);
    }

    public Span span() {
        return new Span(start, end);
    }

    public boolean is(PyTokenKind k) {
        return kind == k;
    }

    /** Exact text test without allocating, for operators and names. */
    public boolean is(String source, String text) {
        return end - start == text.length() && source.startsWith(text, start);
    }

    public boolean isOp(String source, String op) {
        return kind == PyTokenKind.OP && is(source, op);
    }

    public boolean isName(String source, String name) {
        return kind == PyTokenKind.NAME && is(source, name);
    }

    public boolean isString() {
        return kind == PyTokenKind.STRING || kind == PyTokenKind.FSTRING;
    }
}
