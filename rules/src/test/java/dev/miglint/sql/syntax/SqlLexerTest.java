package dev.miglint.sql.syntax;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlLexerTest {

    private static List<Token> tokens(String sql) {
        return SqlLexer.lex(sql).tokens();
    }

    /** "KIND:text" per token, for compact expectations. */
    private static List<String> shown(String sql) {
        return tokens(sql).stream().map(t -> t.kind() + ":" + t.text(sql)).toList();
    }

    @Test
    void wordsPunctuationAndSemicolonAreSeparateTokens() {
        assertEquals(List.of("WORD:select", "NUMBER:1", "COMMA:,", "QUOTED_IDENT:\"A b\"", "SEMICOLON:;"),
                shown("select 1, \"A b\";"));
    }

    @Test
    void doubledQuoteInsideStringIsAnEscapeNotTheEnd() {
        String sql = "SELECT 'it''s; fine';";
        assertEquals(List.of("WORD:SELECT", "STRING:'it''s; fine'", "SEMICOLON:;"), shown(sql));
    }

    @Test
    void backslashEscapesQuoteOnlyInEStrings() {
        String sql = "SELECT E'it\\'s;' , 'plain\\';";
        assertEquals(List.of("WORD:SELECT", "STRING:E'it\\'s;'", "COMMA:,", "STRING:'plain\\'", "SEMICOLON:;"),
                shown(sql));
    }

    @Test
    void dollarTagBodyMayContainSemicolonsAndPlainDoubleDollar() {
        String body = "$fn$ BEGIN RETURN '$$'; END; $fn$";
        String sql = "CREATE FUNCTION f() RETURNS text AS " + body + " LANGUAGE plpgsql;";
        List<Token> dollar = tokens(sql).stream().filter(t -> t.is(TokenKind.DOLLAR_STRING)).toList();
        assertEquals(1, dollar.size());
        assertEquals(body, dollar.get(0).text(sql));
        assertEquals(1, tokens(sql).stream().filter(t -> t.is(TokenKind.SEMICOLON)).count());
    }

    @Test
    void nestedBlockCommentsCloseAtTheMatchingEnd() {
        String sql = "/* a /* b */ still comment; */ SELECT 1;";
        assertEquals(List.of("BLOCK_COMMENT:/* a /* b */ still comment; */", "WORD:SELECT", "NUMBER:1",
                "SEMICOLON:;"), shown(sql));
    }

    @Test
    void lineCommentRunsToEndOfLineAndHidesSemicolons() {
        String sql = "SELECT 1 -- not ; here\n;";
        assertEquals(List.of("WORD:SELECT", "NUMBER:1", "LINE_COMMENT:-- not ; here", "SEMICOLON:;"), shown(sql));
    }

    @Test
    void statementBreakpointIsItsOwnTokenWhetherGluedOrAlone() {
        String glued = "ALTER TABLE a ADD b int;--> statement-breakpoint\nSELECT 1;";
        assertTrue(shown(glued).contains("BREAKPOINT:--> statement-breakpoint"));
        String alone = "SELECT 1;\n--> statement-breakpoint\nSELECT 2;";
        assertTrue(shown(alone).contains("BREAKPOINT:--> statement-breakpoint"));
    }

    @Test
    void ordinaryArrowCommentIsNotABreakpoint() {
        assertEquals(List.of("LINE_COMMENT:--> see below"), shown("--> see below"));
    }

    @Test
    void psqlMetaCommandAtLineStartRunsToEndOfLine() {
        String sql = "\\set ON_ERROR_STOP on\n  \\connect mydb\nSELECT 1;";
        assertEquals(List.of("META_COMMAND:\\set ON_ERROR_STOP on", "META_COMMAND:\\connect mydb", "WORD:SELECT",
                "NUMBER:1", "SEMICOLON:;"), shown(sql));
    }

    @Test
    void backslashInsideAStringIsNotAMetaCommand() {
        String sql = "SELECT '\n\\set x';";
        assertFalse(shown(sql).stream().anyMatch(s -> s.startsWith("META_COMMAND")));
    }

    @Test
    void flywayPlaceholderIsOneToken() {
        String sql = "CREATE SCHEMA ${schemaName};";
        assertTrue(shown(sql).contains("PLACEHOLDER:${schemaName}"));
    }

    @Test
    void positionalParameterIsNotADollarQuote() {
        assertEquals(List.of("WORD:SELECT", "PARAM:$1", "OPERATOR:+", "PARAM:$2", "SEMICOLON:;"),
                shown("SELECT $1 + $2;"));
    }

    @Test
    void offsetsIndexTheOriginalStringDespiteBomAndCrlf() {
        String sql = "\uFEFFSELECT 1;\r\nSELECT 'x';\r\n";
        List<Token> tokens = tokens(sql);
        assertEquals(1, tokens.get(0).start(), "BOM is skipped but still counted");
        for (Token t : tokens) {
            assertFalse(t.text(sql).contains("\r"), () -> "token swallowed a CR: " + t);
        }
        Token string = tokens.stream().filter(t -> t.is(TokenKind.STRING)).findFirst().orElseThrow();
        assertEquals(sql.indexOf("'x'"), string.start());
    }

    @Test
    void copyFromStdinDataUpToBackslashDotIsOneDataToken() {
        String sql = "COPY t (a, b) FROM stdin;\n1\tit's; odd\n2\t$$\n\\.\nSELECT 1;";
        List<String> shown = shown(sql);
        assertTrue(shown.contains("COPY_DATA:1\tit's; odd\n2\t$$\n\\."), shown::toString);
        assertTrue(shown.contains("WORD:SELECT"));
        assertTrue(SqlLexer.lex(sql).problems().isEmpty());
    }

    @Test
    void unterminatedStringIsAProblemAndRunsToEnd() {
        String sql = "SELECT 'oops;\nSELECT 2;";
        SqlLexer.Result result = SqlLexer.lex(sql);
        assertEquals(1, result.problems().size());
        assertEquals(7, result.problems().get(0).span().start());
        Token last = result.tokens().get(result.tokens().size() - 1);
        assertEquals(TokenKind.STRING, last.kind());
        assertEquals(sql.length(), last.end());
    }

    @Test
    void unterminatedDollarQuoteAndCommentAreProblemsNotExceptions() {
        for (String sql : List.of("DO $body$ BEGIN", "SELECT 1 /* /* */", "SELECT \"no end", "SELECT E'\\",
                "$", "$a", "${", "'", "U&'x", "COPY t FROM stdin;\n1\t2")) {
            SqlLexer.Result result = SqlLexer.lex(sql);
            for (Token t : result.tokens()) {
                assertTrue(t.start() >= 0 && t.end() <= sql.length() && t.start() <= t.end(), () -> sql + ": " + t);
            }
        }
        assertEquals(1, SqlLexer.lex("DO $body$ BEGIN").problems().size());
        assertEquals(1, SqlLexer.lex("SELECT 1 /* /* */").problems().size());
        assertEquals(1, SqlLexer.lex("SELECT \"no end").problems().size());
    }

    @Test
    void eStringEndingInBackslashAtEndOfInputStaysInBounds() {
        String sql = "SELECT E'abc\\";
        SqlLexer.Result result = SqlLexer.lex(sql);
        assertEquals(1, result.problems().size());
        assertTrue(result.tokens().stream().allMatch(t -> t.end() <= sql.length()));
    }
}
