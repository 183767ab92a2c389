package dev.miglint.text;

import java.util.List;
import java.util.function.ToIntFunction;

/** Lookups in a list of tokens or spans sorted by start offset (the front ends' token lists, a file's units). */
public final class SortedStarts {

    private SortedStarts() {
    }

    /** Index of the first item starting at or after {@code offset}; {@code items.size()} when none does. */
    public static <T> int firstAtOrAfter(List<T> items, ToIntFunction<T> start, int offset) {
        int lo = 0;
        int hi = items.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start.applyAsInt(items.get(mid)) < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
