package dev.miglint.sql.syntax;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlSplitterTest {

    private static List<Statement> split(String sql) {
        return SqlSplitter.split(sql, SqlLexer.lex(sql).tokens());
    }

    private static List<String> texts(String sql) {
        return split(sql).stream().map(Statement::text).toList();
    }

    @Test
    void topLevelSemicolonsEndStatements() {
        assertEquals(List.of("SELECT 1;", "SELECT 2;"), texts("SELECT 1;\n\nSELECT 2;\n"));
    }

    @Test
    void blankLinesDoNotSplitAStatement() {
        assertEquals(List.of("CREATE TABLE t (\n\n  a int\n\n);"), texts("CREATE TABLE t (\n\n  a int\n\n);"));
    }

    @Test
    void breakpointGluedToSemicolonEndsTheStatement() {
        String sql = "ALTER TABLE a ADD CONSTRAINT f FOREIGN KEY (x) REFERENCES b(id) ON UPDATE no action;"
                + "--> statement-breakpoint\nCREATE INDEX i ON a (x);";
        List<Statement> statements = split(sql);
        assertEquals(2, statements.size());
        assertTrue(statements.get(0).text().endsWith("no action;"));
        assertTrue(statements.get(1).leadingComments().isEmpty(), "the marker is not a comment of the next");
    }

    @Test
    void breakpointOnItsOwnLineSplitsEvenWithoutSemicolon() {
        String sql = "DO $$ BEGIN\n CREATE TYPE r AS ENUM('a');\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;\n"
                + "--> statement-breakpoint\nCREATE TABLE t (a int)\n--> statement-breakpoint\nSELECT 1";
        List<Statement> statements = split(sql);
        assertEquals(3, statements.size());
        assertTrue(statements.get(0).text().startsWith("DO $$") && statements.get(0).text().endsWith("END $$;"));
        assertEquals("CREATE TABLE t (a int)", statements.get(1).text());
        assertNull(statements.get(1).terminator());
        assertEquals("SELECT 1", statements.get(2).text());
    }

    @Test
    void doBlockWithSemicolonsInsideIsOneStatement() {
        String sql = "do $tag$ begin perform 1; perform '$$;'; end $tag$;\nSELECT 2;";
        List<String> texts = texts(sql);
        assertEquals(2, texts.size());
        assertEquals("do $tag$ begin perform 1; perform '$$;'; end $tag$;", texts.get(0));
    }

    @Test
    void semicolonsInsideStringsAndCommentsDoNotSplit() {
        String sql = "INSERT INTO t VALUES ('a;b', E'it\\'s;', 'x'';y') /* ; /* ; */ ; */;\nSELECT 1;";
        assertEquals(2, split(sql).size());
    }

    @Test
    void commentBeforeAStatementIsLeadingButATrailingOneOnTheSameLineIsNot() {
        String sql = "CREATE INDEX CONCURRENTLY i ON t (a); -- the trailing note\n-- leading note\nDROP INDEX j;";
        List<Statement> statements = split(sql);
        assertEquals(2, statements.size());
        List<Token> leading = statements.get(1).leadingComments();
        assertEquals(List.of("-- leading note"), leading.stream().map(t -> t.text(sql)).toList());
    }

    @Test
    void firstStatementKeepsItsHeaderComments() {
        String sql = "-- header\n/* block */\nSELECT 1;";
        assertEquals(2, split(sql).get(0).leadingComments().size());
    }

    @Test
    void psqlMetaCommandsAreStatementsOfTheirOwn() {
        String sql = "\\set ON_ERROR_STOP on\nSELECT 1;\n\\connect other\nSELECT 2;";
        assertEquals(List.of("\\set ON_ERROR_STOP on", "SELECT 1;", "\\connect other", "SELECT 2;"), texts(sql));
    }

    @Test
    void copyDataRowsAreSkipped() {
        String sql = "COPY t (a) FROM stdin;\nx;y\n'z\n\\.\nSELECT 1;";
        assertEquals(List.of("COPY t (a) FROM stdin;", "SELECT 1;"), texts(sql));
    }

    @Test
    void beginAtomicFunctionBodyStaysOneStatement() {
        String sql = "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                + "  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;\n  SELECT 2;\nEND;\nSELECT 3;";
        List<String> texts = texts(sql);
        assertEquals(2, texts.size(), texts::toString);
        assertTrue(texts.get(0).endsWith("END;"));
        assertEquals("SELECT 3;", texts.get(1));
    }

    @Test
    void transactionBeginIsNotMistakenForAtomicBlock() {
        assertEquals(3, split("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;").size());
    }

    @Test
    void lastStatementWithoutSemicolonEndsAtEndOfInput() {
        List<Statement> statements = split("SELECT 1;\nSELECT 2  ");
        assertEquals(2, statements.size());
        assertNotNull(statements.get(0).terminator());
        assertNull(statements.get(1).terminator());
        assertEquals("SELECT 2", statements.get(1).text());
    }

    @Test
    void spansIndexTheOriginalStringWithBomAndCrlf() {
        String sql = "\uFEFF-- c\r\nSELECT 1;\r\nSELECT 2;\r\n";
        List<Statement> statements = split(sql);
        assertEquals(2, statements.size());
        assertEquals(sql.indexOf("SELECT 1"), statements.get(0).span().start());
        assertEquals("SELECT 2;", statements.get(1).text());
    }

    @Test
    void emptyAndCommentOnlyInputsGiveNoStatements() {
        assertEquals(0, split("").size());
        assertEquals(0, split("  -- only a comment\n/* and a block */\n;;").size());
    }
    @Test
    void offsetsCountSurrogatePairsAsTwoUtf16Units() {
        String sql = "SELECT '\uD83D\uDE00';\nSELECT 2;";
        assertEquals(sql.indexOf("SELECT 2"), split(sql).get(1).span().start());
        assertEquals(12, split(sql).get(0).span().end(), "8 + 2 (the emoji) + 2");
    }

    @Test
    void semicolonInsideParenthesesDoesNotSplit() {
        String sql = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));";
        assertEquals(List.of(sql), texts(sql));
    }
}
