package dev.miglint.python;

import dev.miglint.text.Span;

/**
 * How a string literal was written: its prefix as spelled ({@code rb}, {@code F}, or empty), its
 * quote ({@code '}, {@code "}, {@code '''} or {@code """}) and the span between the quotes.
 */
public record PyQuote(String prefix, String quote, Span content, boolean terminated) {

    public boolean raw() {
        return hasPrefix('r');
    }

    public boolean bytes() {
        return hasPrefix('b');
    }

    public boolean fString() {
        return hasPrefix('f');
    }

    public boolean triple() {
        return quote.length() == 3;
    }

    private boolean hasPrefix(char c) {
        return prefix.indexOf(c) >= 0 || prefix.indexOf(Character.toUpperCase(c)) >= 0;
    }
}
