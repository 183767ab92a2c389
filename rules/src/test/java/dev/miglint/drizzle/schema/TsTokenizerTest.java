package dev.miglint.drizzle.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsTokenizerTest {

    private static List<String> tokens(String src) {
        return TsTokenizer.tokenize(src).tokens().stream().map(t -> t.kind() + " " + t.text(src)).toList();
    }

    @Test
    void identifiersNumbersStringsAndPunctuation() {
        assertEquals(List.of("IDENT export", "IDENT const", "IDENT $x", "PUNCT =", "IDENT f", "PUNCT (",
                        "STRING 'a\\'b'", "PUNCT ,", "STRING \"c\"", "PUNCT ,", "NUMBER 1.5", "PUNCT )", "PUNCT ;"),
                tokens("export const $x = f('a\\'b', \"c\", 1.5);"));
    }

    @Test
    void longOperatorsAreOneToken() {
        assertEquals(List.of("PUNCT (", "PUNCT )", "PUNCT =>", "PUNCT ...", "IDENT a", "PUNCT ?.", "IDENT b",
                "PUNCT ===", "IDENT c"), tokens("() => ...a?.b === c"));
    }

    @Test
    void templateWithNestedSubstitutionsIsOneToken() {
        String src = "sql`now() ${`x${ {a: '}'}.a }`} and ${b}` + 1";
        assertEquals(List.of("IDENT sql", "TEMPLATE `now() ${`x${ {a: '}'}.a }`} and ${b}`", "PUNCT +", "NUMBER 1"),
                tokens(src));
    }

    @Test
    void commentsAreKeptAndReadable() {
        String src = "// miglint-ignore require-uuid-keys: legacy ids\n/* block\n */ id";
        assertEquals(List.of("COMMENT // miglint-ignore require-uuid-keys: legacy ids", "COMMENT /* block\n */",
                "IDENT id"), tokens(src));
    }

    @Test
    void aRegexLiteralWithABacktickDoesNotOpenATemplate() {
        String src = "const R = /^[a-z`]*$/g;\nconst t = pgTable(\"t\", {});";
        List<String> t = tokens(src);
        assertTrue(t.contains("REGEX /^[a-z`]*$/g"), t::toString);
        assertTrue(t.contains("IDENT pgTable"), t::toString);
        assertEquals(List.of("IDENT a", "PUNCT /", "IDENT b", "PUNCT /", "IDENT c"), tokens("a / b / c"));
    }

    @Test
    void unterminatedLiteralsAreProblemsNotExceptions() {
        for (String src : List.of("'abc", "\"abc\nx", "`abc ${", "/* never", "a = /unclosed", "`", "\\")) {
            TsTokenizer.Result r = TsTokenizer.tokenize(src);
            int covered = r.tokens().isEmpty() ? 0 : r.tokens().get(r.tokens().size() - 1).end();
            assertTrue(covered <= src.length(), src);
        }
        assertEquals(1, TsTokenizer.tokenize("x = 'abc").problems().size());
        assertEquals(1, TsTokenizer.tokenize("`abc ${ x").problems().size());
    }

    @Test
    void stringValuesAreDecoded() {
        String src = "'a\\'b' \"c\\nd\" `plain` `with ${x}`";
        List<TsToken> t = TsTokenizer.tokenize(src).tokens();
        assertEquals("a'b", TsTokenizer.stringValue(src, t.get(0)));
        assertEquals("c\nd", TsTokenizer.stringValue(src, t.get(1)));
        assertEquals("plain", TsTokenizer.stringValue(src, t.get(2)));
        assertEquals(null, TsTokenizer.stringValue(src, t.get(3)));
    }
}
