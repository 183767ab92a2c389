package dev.miglint.python;

import dev.miglint.text.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PyStringTest {

    private static PyString.Decoded decode(String src) {
        List<PyToken> strings = PyTokenizer.tokenize(src).tokens().stream().filter(PyToken::isString).toList();
        return PyString.decode(src, strings);
    }

    @Test
    void escapesDecodeAndMapToTheirWholeEscape() {
        String src = "'a\\nb\\\\c\\'d\\x41\\u00e9\\N{BULLET}\\101'";
        PyString.Decoded d = decode(src);
        assertEquals("a\nb\\c'dAé\u2022A", d.value());
        assertEquals(new Span(2, 4), d.map().toFile(1, 2)); // \n
        assertEquals("\\x41", d.map().toFile(7, 8).text(src));
        assertEquals("\\u00e9", d.map().toFile(8, 9).text(src));
        assertEquals("\\N{BULLET}", d.map().toFile(9, 10).text(src));
        assertEquals("\\101", d.map().toFile(10, 11).text(src));
        assertTrue(d.problems().isEmpty());
    }

    @Test
    void rawStringsMapOneToOne() {
        String src = "r'\\d+\\n'";
        PyString.Decoded d = decode(src);
        assertEquals("\\d+\\n", d.value());
        for (int i = 0; i < d.value().length(); i++) {
            assertEquals(2 + i, d.map().start(i));
        }
    }

    @Test
    void backslashNewlineContinuesTheStringWithoutACharacter() {
        String src = "'ab\\\ncd'";
        PyString.Decoded d = decode(src);
        assertEquals("abcd", d.value());
        assertEquals("c", d.map().toFile(2, 3).text(src));
    }

    @Test
    void adjacentLiteralsConcatenateWithOneMapAcrossBoth() {
        String src = "(\"SELECT \"\n  'x' r\"\\y\")";
        PyString.Decoded d = decode(src);
        assertEquals("SELECT x\\y", d.value());
        assertEquals("x", d.map().toFile(7, 8).text(src));
        assertEquals("\\y", d.map().toFile(8, 10).text(src));
        assertEquals("SELECT \"\n  'x", d.map().toFile(0, 8).text(src).substring(0, 13));
    }

    @Test
    void unknownEscapesStayAndBadOnesAreProblems() {
        assertEquals("\\d", decode("'\\d'").value());
        PyString.Decoded bad = decode("'\\x4'");
        assertEquals("\\x4", bad.value());
        assertEquals(1, bad.problems().size());
        assertEquals(1, decode("'\\N{NO SUCH NAME}'").problems().size());
    }

    @Test
    void bytesDoNotKnowUnicodeEscapes() {
        assertEquals("\\u00e9", decode("b'\\u00e9'").value());
    }

    @Test
    void supplementaryCharactersAreTwoValueCharsOnOneEscape() {
        String src = "'\\U0001F600'";
        PyString.Decoded d = decode(src);
        assertEquals("\uD83D\uDE00", d.value());
        assertEquals(new Span(1, 11), d.map().toFile(0, 2));
    }

    @Test
    void crlfInsideTripleQuotesReadsAsNewline() {
        String src = "'''a\r\nb'''";
        PyString.Decoded d = decode(src);
        assertEquals("a\nb", d.value());
        assertEquals(new Span(4, 6), d.map().toFile(1, 2));
    }

    @Test
    void emptyRangesMapToAPoint() {
        PyString.Decoded d = decode("'ab'");
        assertEquals(new Span(3, 3), d.map().toFile(2, 2));
        assertEquals("b", d.map().slice(1, 2).toFile(0, 1).text("'ab'"));
    }
}
