package dev.miglint.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SortedStartsTest {

    private static final List<Span> SPANS = List.of(new Span(0, 3), new Span(5, 9), new Span(5, 6), new Span(12, 20));

    @Test
    void findsTheFirstItemStartingAtOrAfterAnOffset() {
        assertEquals(0, SortedStarts.firstAtOrAfter(SPANS, Span::start, 0));
        assertEquals(1, SortedStarts.firstAtOrAfter(SPANS, Span::start, 4));
        assertEquals(1, SortedStarts.firstAtOrAfter(SPANS, Span::start, 5), "the first of equal starts");
        assertEquals(3, SortedStarts.firstAtOrAfter(SPANS, Span::start, 6));
        assertEquals(4, SortedStarts.firstAtOrAfter(SPANS, Span::start, 13), "none: the size");
        assertEquals(0, SortedStarts.firstAtOrAfter(List.<Span>of(), Span::start, 7));
    }
}
