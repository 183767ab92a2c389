package dev.miglint.drizzle.schema;

import dev.miglint.text.Span;

/** One token: its kind and its UTF-16 range {@code [start, end)} in the source. */
public record TsToken(TsTokenKind kind, int start, int end) {

    public String text(String src) {
        return src.substring(start, end);
    }

    public Span span() {
        return new Span(start, end);
    }

    public boolean is(TsTokenKind k) {
        return kind == k;
    }

    public boolean isPunct(String src, String p) {
        return kind == TsTokenKind.PUNCT && end - start == p.length() && src.startsWith(p, start);
    }

    public boolean isIdent(String src, String name) {
        return kind == TsTokenKind.IDENT && end - start == name.length() && src.startsWith(name, start);
    }
}
