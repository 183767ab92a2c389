package dev.miglint.drizzle.schema;

import dev.miglint.text.Problem;
import dev.miglint.text.SortedStarts;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TypeScript file as significant tokens (comments set aside) with each bracket's partner, and the
 * small moves a reader needs: skip a bracketed group, split on top-level commas, read a string.
 */
final class TsSource {

    final String src;
    final List<TsToken> sig = new ArrayList<>();
    final List<TsToken> comments = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    private final int[] match;

    TsSource(String src) {
        this.src = src;
        TsTokenizer.Result lexed = TsTokenizer.tokenize(src);
        problems.addAll(lexed.problems());
        for (TsToken t : lexed.tokens()) {
            (t.is(TsTokenKind.COMMENT) ? comments : sig).add(t);
        }
        match = matchBrackets();
    }

    int size() {
        return sig.size();
    }

    TsToken tok(int i) {
        return sig.get(i);
    }

    String text(int i) {
        return i < sig.size() ? sig.get(i).text(src) : "";
    }

    boolean isPunct(int i, String p) {
        return i >= 0 && i < sig.size() && sig.get(i).isPunct(src, p);
    }

    boolean isIdent(int i) {
        return i >= 0 && i < sig.size() && sig.get(i).is(TsTokenKind.IDENT);
    }

    boolean isIdent(int i, String name) {
        return i >= 0 && i < sig.size() && sig.get(i).isIdent(src, name);
    }

    /** The partner of the bracket at {@code i}, or -1 (not a bracket, or unmatched). */
    int partner(int i) {
        return i >= 0 && i < match.length ? match[i] : -1;
    }

    Span span(int a, int b) {
        if (a >= b || a >= sig.size()) {
            int at = a < sig.size() ? sig.get(a).start() : src.length();
            return new Span(at, at);
        }
        return new Span(sig.get(a).start(), sig.get(Math.min(b, sig.size()) - 1).end());
    }

    /** The decoded value of a single string token at {@code i} (or a template without substitutions), else null. */
    String string(int i) {
        return i < sig.size() ? TsTokenizer.stringValue(src, sig.get(i)) : null;
    }

    /** The next index at the same bracket level: an opening bracket jumps past its partner. */
    int next(int i, int b) {
        int m = partner(i);
        return m > i && m < b ? m + 1 : i + 1;
    }

    /**
     * Like {@link #next}, but also steps over the type arguments of a generic call ({@code $type<A, B>()}),
     * whose commas separate nothing at this level.
     */
    int nextSkippingTypeArgs(int i, int b) {
        if (isPunct(i, "<") && isIdent(i - 1)) {
            int after = skipTypeArgs(i, b);
            if (after > i && isPunct(after, "(")) {
                return after;
            }
        }
        return next(i, b);
    }

    /** Parts of {@code [a, b)} separated by top-level commas; empty parts (a trailing comma) are dropped. */
    List<int[]> split(int a, int b) {
        List<int[]> out = new ArrayList<>();
        int from = a;
        for (int i = a; i < b; i = nextSkippingTypeArgs(i, b)) {
            if (isPunct(i, ",")) {
                out.add(new int[] {from, i});
                from = i + 1;
            }
        }
        out.add(new int[] {from, b});
        out.removeIf(p -> p[0] >= p[1]);
        return out;
    }

    /** The first top-level {@code p} in {@code [a, b)}, or -1. */
    int find(int a, int b, String p) {
        for (int i = a; i < b; i = next(i, b)) {
            if (isPunct(i, p)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Skips a type-argument list {@code <…>} starting at {@code i}; returns the index after it, or
     * {@code i} when there is none. {@code >>} closes two levels, as TypeScript reads it there.
     */
    int skipTypeArgs(int i, int b) {
        if (!isPunct(i, "<")) {
            return i;
        }
        int depth = 0;
        for (int k = i; k < b; k = next(k, b)) {
            String t = sig.get(k).kind() == TsTokenKind.PUNCT ? text(k) : "";
            if (t.equals("<")) {
                depth++;
            } else if (t.matches(">+")) {
                depth -= t.length();
            }
            if (depth <= 0) {
                return k + 1;
            }
        }
        return i;
    }

    /** The token index of the first significant token starting at or after {@code offset}. */
    int indexAt(int offset) {
        return SortedStarts.firstAtOrAfter(sig, TsToken::start, offset);
    }

    private int[] matchBrackets() {
        int[] m = new int[sig.size()];
        Arrays.fill(m, -1);
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < sig.size(); i++) {
            TsToken t = sig.get(i);
            if (t.kind() != TsTokenKind.PUNCT || t.end() - t.start() != 1) {
                continue;
            }
            char c = src.charAt(t.start());
            if ("([{".indexOf(c) >= 0) {
                open.add(i);
            } else if (")]}".indexOf(c) >= 0) {
                closeBracket(m, open, i, "([{".charAt(")]}".indexOf(c)));
            }
        }
        for (int o : open) {
            problems.add(new Problem(sig.get(o).span(), "unclosed " + text(o)));
        }
        return m;
    }

    /** Pairs a closing bracket with the nearest open one of its kind; brackets left open between are unclosed. */
    private void closeBracket(int[] m, List<Integer> open, int i, char opening) {
        for (int k = open.size() - 1; k >= 0; k--) {
            int o = open.get(k);
            if (src.charAt(sig.get(o).start()) == opening) {
                while (open.size() > k) {
                    int dropped = open.remove(open.size() - 1);
                    if (dropped != o) {
                        problems.add(new Problem(sig.get(dropped).span(), "unclosed " + text(dropped)));
                    }
                }
                m[o] = i;
                m[i] = o;
                return;
            }
        }
        problems.add(new Problem(sig.get(i).span(), "unmatched " + text(i)));
    }
}
