package dev.miglint.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineIndexTest {

    private static LineIndex.Position at(int line, int character) {
        return new LineIndex.Position(line, character);
    }

    @Test
    void emptyTextHasOneLine() {
        assertEquals(at(0, 0), new LineIndex("").position(0));
    }

    @Test
    void lineFeedEndsALineAndBelongsToIt() {
        LineIndex lines = new LineIndex("ab\ncd\n");

        assertEquals(at(0, 0), lines.position(0));
        assertEquals(at(0, 2), lines.position(2));
        assertEquals(at(1, 0), lines.position(3));
        assertEquals(at(1, 2), lines.position(5));
        assertEquals(at(2, 0), lines.position(6));
    }

    @Test
    void crlfIsOneLineBreak() {
        LineIndex lines = new LineIndex("ab\r\ncd\r\n\r\nef");

        assertEquals(at(0, 2), lines.position(2));
        assertEquals(at(0, 3), lines.position(3));
        assertEquals(at(1, 0), lines.position(4));
        assertEquals(at(1, 1), lines.position(5));
        assertEquals(at(2, 0), lines.position(8));
        assertEquals(at(3, 0), lines.position(10));
        assertEquals(at(3, 2), lines.position(12));
    }

    @Test
    void loneCarriageReturnIsALineBreak() {
        LineIndex lines = new LineIndex("ab\rcd\r");

        assertEquals(at(0, 2), lines.position(2));
        assertEquals(at(1, 0), lines.position(3));
        assertEquals(at(1, 2), lines.position(5));
        assertEquals(at(2, 0), lines.position(6));
    }

    @Test
    void mixedLineEndingsEachCountOnce() {
        // "a" CRLF, "" LF, "b" CR, "" CRLF, "c": "\r\r\n" is two breaks, not one
        LineIndex lines = new LineIndex("a\r\n\nb\r\r\nc");

        assertEquals(at(1, 0), lines.position(3));
        assertEquals(at(2, 0), lines.position(4));
        assertEquals(at(2, 1), lines.position(5));
        assertEquals(at(3, 0), lines.position(6));
        assertEquals(at(4, 0), lines.position(8));
    }

    @Test
    void charactersAreUtf16CodeUnitsSoASurrogatePairCountsTwo() {
        String text = "😀x\ny😀z";
        LineIndex lines = new LineIndex(text);

        assertEquals(at(0, 2), lines.position(text.indexOf('x')));
        assertEquals(at(1, 0), lines.position(text.indexOf('y')));
        assertEquals(at(1, 3), lines.position(text.indexOf('z')));
        assertEquals(at(1, 4), lines.position(text.length()));
    }

    @Test
    void manyLinesGrowTheTable() {
        String text = "x\n".repeat(1000);
        LineIndex lines = new LineIndex(text);

        assertEquals(at(999, 1), lines.position(999 * 2 + 1));
        assertEquals(at(1000, 0), lines.position(text.length()));
    }
}
