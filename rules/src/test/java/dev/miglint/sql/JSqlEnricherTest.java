package dev.miglint.sql;

import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.select.Select;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JSqlEnricherTest {

    private static Optional<net.sf.jsqlparser.statement.Statement> enrich(String sql) {
        return JSqlEnricher.parse(SqlFile.parse(sql).statements().get(0));
    }

    @Test
    void simpleSelectParses() {
        assertInstanceOf(Select.class, enrich("SELECT a, b FROM t WHERE a = 1;").orElseThrow());
    }

    @Test
    void createTableParsesWithItsColumns() {
        CreateTable table = assertInstanceOf(CreateTable.class,
                enrich("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);").orElseThrow());
        assertEquals("users", table.getTable().getName());
        assertEquals(2, table.getColumnDefinitions().size());
    }

    @Test
    void statementIsParsedWithoutItsTerminatorOrTrailingComment() {
        assertTrue(enrich("SELECT 1; -- trailing note").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DO $$ BEGIN CREATE TYPE mood AS ENUM ('a'); EXCEPTION WHEN duplicate_object THEN null; END $$;",
            "CREATE TYPE \"Role\" AS ENUM ('admin', 'user');",
            "ALTER TABLE t ADD CONSTRAINT t_fk FOREIGN KEY (a) REFERENCES u(id) NOT VALID;",
            "this is not sql at all ;",
            "SELECT (((;",
            "\\set ON_ERROR_STOP on",
    })
    void unparseableStatementsGiveEmptyWithoutException(String sql) {
        assertTrue(enrich(sql).isEmpty(), sql);
    }

    @Test
    void twentyThousandNestedParenthesesAreNotTried() {
        String nested = "SELECT " + "(".repeat(20_000) + "1" + ")".repeat(20_000);
        assertTrue(JSqlEnricher.parse(nested, 200).isEmpty());
    }

    @Test
    void statementsNestedDeeperThanTheLimitAreNotGivenToJSqlParser() {
        // JSqlParser backtracks exponentially on these: 12 levels take about 10 s, 160 levels minutes.
        assertTrue(JSqlEnricher.parse(backtracking(4), 200).isEmpty(), "8 levels");
        assertTrue(JSqlEnricher.parse(backtracking(80), 200).isEmpty(), "160 levels");
    }

    @Test
    void statementsNestedUpToTheLimitAreStillParsed() {
        String atLimit = "SELECT " + "(".repeat(JSqlEnricher.MAX_NESTING) + "1" + ")".repeat(JSqlEnricher.MAX_NESTING);
        assertTrue(JSqlEnricher.parse(atLimit, 5_000).isPresent());
    }

    /** {@code SELECT ((((1) + 1) + 1) …}: nested parenthesised sums. */
    private static String backtracking(int depth) {
        return "SELECT " + "((".repeat(depth) + "1" + ") + 1)".repeat(depth);
    }

    @Test
    void overlongStatementIsNotParsed() {
        String sql = "SELECT '" + "x".repeat(JSqlEnricher.MAX_LENGTH) + "'";
        assertTrue(JSqlEnricher.parse(sql, 1_000).isEmpty());
    }
}
