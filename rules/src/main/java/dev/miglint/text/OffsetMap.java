package dev.miglint.text;


import java.util.Arrays;

/**
 * Where each character of a decoded string value came from in the file: value index {@code i} was
 * written at {@code [start(i), end(i))} ({@code \n} is one value character from two file characters).
 * A final class rather than a record because it holds arrays; it is immutable all the same.
 */
public final class OffsetMap {

    private final int[] starts;
    private final int[] ends;
    /** Where an empty range at the end of the value maps: just after the last source character. */
    private final int tail;

    public OffsetMap(int[] starts, int[] ends, int tail) {
        this.starts = starts;
        this.ends = ends;
        this.tail = tail;
    }

    /** The number of value characters mapped. */
    public int length() {
        return starts.length;
    }

    /** File offset where value character {@code index} begins; {@code length()} maps to the end. */
    public int start(int index) {
        return index >= starts.length ? tail : starts[Math.max(index, 0)];
    }

    /** File offset just after the source of value character {@code index}. */
    public int end(int index) {
        return index >= ends.length ? tail : ends[Math.max(index, 0)];
    }

    /** The file characters written for value range {@code [from, to)}; an empty range maps to a point. */
    public Span toFile(int from, int to) {
        int a = start(from);
        if (to <= from) {
            return new Span(a, a);
        }
        return new Span(a, Math.max(a, end(to - 1)));
    }

    /** The map of value range {@code [from, to)}, for a piece of the value handed on by itself. */
    public OffsetMap slice(int from, int to) {
        int a = Math.max(0, Math.min(from, starts.length));
        int b = Math.max(a, Math.min(to, starts.length));
        return new OffsetMap(Arrays.copyOfRange(starts, a, b), Arrays.copyOfRange(ends, a, b),
                b < starts.length ? starts[b] : tail);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffsetMap m && tail == m.tail && Arrays.equals(starts, m.starts)
                && Arrays.equals(ends, m.ends);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + tail;
    }

    @Override
    public String toString() {
        return "OffsetMap" + Arrays.toString(starts);
    }
}
