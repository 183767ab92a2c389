package dev.miglint.python;

import dev.miglint.text.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PyTokenizerTest {

    private static List<PyToken> tokens(String src) {
        return PyTokenizer.tokenize(src).tokens();
    }

    private static List<String> kinds(String src) {
        return tokens(src).stream().map(t -> t.kind() + (t.kind().name().endsWith("DENT")
                || t.kind() == PyTokenKind.ENDMARKER || t.end() == t.start() ? "" : ":" + t.text(src)
                .replace("\n", "\\n"))).toList();
    }

    private static PyToken only(String src, PyTokenKind kind) {
        List<PyToken> ts = tokens(src).stream().filter(t -> t.is(kind)).toList();
        assertEquals(1, ts.size(), ts.toString());
        return ts.get(0);
    }

    @Test
    void namesNumbersAndOperatorsFormLogicalLines() {
        assertEquals(List.of("NAME:x", "OP:=", "NUMBER:1_000.5e-3", "OP:**", "NAME:y", "NEWLINE:\\n",
                "NAME:z", "OP://=", "NUMBER:0x1F", "NEWLINE", "ENDMARKER"), kinds("x = 1_000.5e-3 ** y\nz //= 0x1F"));
    }

    @Test
    void everyStringPrefixIsReadWithItsQuoteAndContent() {
        for (String prefix : List.of("", "r", "R", "b", "B", "u", "U", "rb", "bR", "Br", "RB")) {
            for (String quote : List.of("'", "\"", "'''", "\"\"\"")) {
                String src = prefix + quote + "a\\'b" + quote;
                PyToken t = only(src, PyTokenKind.STRING);
                assertEquals(0, t.start(), src);
                assertEquals(src.length(), t.end(), src);
                assertEquals(prefix, t.quote().prefix());
                assertEquals(quote, t.quote().quote());
                assertEquals("a\\'b", t.quote().content().text(src));
                assertEquals(prefix.toLowerCase().contains("r"), t.quote().raw());
                assertEquals(prefix.toLowerCase().contains("b"), t.quote().bytes());
                assertTrue(t.quote().terminated());
            }
        }
    }

    @Test
    void aNameThatIsNotAPrefixIsANameBeforeTheString() {
        assertEquals(List.of("NAME:xr", "STRING:'a'", "NEWLINE", "ENDMARKER"), kinds("xr'a'"));
    }

    @Test
    void fStringsOfEveryFormAreOneToken() {
        for (String src : List.of("f'{x}'", "F\"{x!r:>{w}}\"", "rf'{x}\\d'", "fR\"{a['k']}\"", "f\"{a[\"k\"]}\"",
                "f'''{x}\n'''", "f'{{literal}}'", "f\"{f'{y}'}\"")) {
            PyToken t = only(src, PyTokenKind.FSTRING);
            assertEquals(src.length(), t.end(), src);
            assertTrue(t.quote().fString());
        }
    }

    @Test
    void tripleQuotedStringsSpanLinesAndKeepEmbeddedQuotes() {
        String src = "x = \"\"\"\nSELECT 'a' \"b\" \"\"\n\"\"\"\ny";
        PyToken t = only(src, PyTokenKind.STRING);
        assertEquals("\nSELECT 'a' \"b\" \"\"\n", t.quote().content().text(src));
        assertEquals("NAME:y", kinds(src).get(kinds(src).size() - 3));
    }

    @Test
    void bracketsCarryDepthAndTheirLineBreaksAreNotLogical() {
        String src = "f(a, [b,\n  {c: (d)}],\n)\n";
        List<PyToken> ts = tokens(src);
        assertEquals(List.of("NAME:f", "OP:(", "NAME:a", "OP:,", "OP:[", "NAME:b", "OP:,", "NL:\\n", "OP:{", "NAME:c",
                "OP::", "OP:(", "NAME:d", "OP:)", "OP:}", "OP:]", "OP:,", "NL:\\n", "OP:)", "NEWLINE:\\n", "ENDMARKER"),
                kinds(src));
        assertEquals(0, ts.get(1).depth());
        assertEquals(4, ts.get(12).depth());
        assertEquals(3, ts.get(11).depth());
        assertEquals(3, ts.get(13).depth());
        assertEquals(0, ts.get(18).depth());
    }

    @Test
    void backslashContinuationJoinsLinesWithoutIndentation() {
        assertEquals(List.of("NAME:x", "OP:=", "NUMBER:1", "OP:+", "NUMBER:2", "NEWLINE:\\n", "NAME:y", "NEWLINE",
                "ENDMARKER"), kinds("x = 1 + \\\n        2\ny"));
    }

    @Test
    void indentationOpensAndClosesBlocks() {
        String src = "def f():\n    if x:\n        pass\n\n    # note\n    return 1\ny = 2\n";
        assertEquals(List.of("NAME:def", "NAME:f", "OP:(", "OP:)", "OP::", "NEWLINE:\\n", "INDENT", "NAME:if",
                "NAME:x", "OP::", "NEWLINE:\\n", "INDENT", "NAME:pass", "NEWLINE:\\n", "NL:\\n", "COMMENT:# note",
                "NL:\\n", "DEDENT", "NAME:return", "NUMBER:1", "NEWLINE:\\n", "DEDENT", "NAME:y", "OP:=",
                "NUMBER:2", "NEWLINE:\\n", "ENDMARKER"), kinds(src));
    }

    @Test
    void commentsKeepTheirText() {
        String src = "op.drop_table('t')  # miglint-ignore ban-drop-table: intended\n";
        PyToken c = only(src, PyTokenKind.COMMENT);
        assertEquals("# miglint-ignore ban-drop-table: intended", c.text(src));
    }

    @Test
    void crlfLineEndsAreOneToken() {
        assertEquals(List.of("NAME:a", "NEWLINE:\r\\n", "NAME:b", "NEWLINE:\r\\n", "ENDMARKER"),
                kinds("a\r\nb\r\n"));
    }

    @Test
    void unterminatedSingleQuotedStringStopsAtTheLineBreak() {
        String src = "x = 'abc\ny = 1\n";
        PyTokenizer.Result r = PyTokenizer.tokenize(src);
        PyToken s = only(src, PyTokenKind.STRING);
        assertEquals("'abc", s.text(src));
        assertFalse(s.quote().terminated());
        assertEquals(1, r.problems().size());
        assertTrue(kinds(src).contains("NAME:y"));
    }

    @Test
    void unterminatedTripleQuotedStringRunsToTheEnd() {
        String src = "op.execute(\"\"\"SELECT 1\n)\n";
        PyTokenizer.Result r = PyTokenizer.tokenize(src);
        PyToken s = only(src, PyTokenKind.STRING);
        assertEquals(src.length(), s.end());
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("unterminated triple-quoted")));
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("unclosed (")));
    }

    @Test
    void strayCharactersAndBracketsAreProblemsNotExceptions() {
        PyTokenizer.Result r = PyTokenizer.tokenize("a $ b)\n  c\n\\");
        assertEquals(List.of("unexpected character $", "unmatched )", "backslash continuation at the end of the file"),
                r.problems().stream().map(Problem::message).toList());
    }

    @Test
    void byteOrderMarkIsSkipped() {
        assertEquals(List.of("NAME:a", "NEWLINE", "ENDMARKER"), kinds("\uFEFFa"));
    }
}
