package dev.miglint.rules;

import dev.miglint.change.ConstraintKind;
import dev.miglint.sql.syntax.SqlState;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The error codes the idempotency rules build their handlers from, checked on a real PostgreSQL 17:
 * what running a statement a second time raises, and that {@link ConstraintKind#raisedWhenAddedAgain()}
 * names the same code.
 */
@Tag("postgres")
class SqlStatesOnPostgresTest {

    /** @param kind the constraint kind whose mapping the case checks; null for other objects */
    private record Case(String name, ConstraintKind kind, SqlState expected, String setup, String statement) {
    }

    private static final String TABLE = "CREATE TABLE %s (id bigint NOT NULL, a integer, parent_id bigint, r int4range)";
    private static final String PARENT = "CREATE TABLE parent (id bigint PRIMARY KEY)";

    private static final List<Case> CASES = List.of(
            new Case("named PRIMARY KEY", ConstraintKind.PRIMARY_KEY, SqlState.INVALID_TABLE_DEFINITION,
                    TABLE.formatted("t_pk"), "ALTER TABLE t_pk ADD CONSTRAINT t_pk_pkey PRIMARY KEY (id)"),
            new Case("unnamed PRIMARY KEY", ConstraintKind.PRIMARY_KEY, SqlState.INVALID_TABLE_DEFINITION,
                    TABLE.formatted("t_pk2"), "ALTER TABLE t_pk2 ADD PRIMARY KEY (id)"),
            new Case("UNIQUE", ConstraintKind.UNIQUE, SqlState.DUPLICATE_TABLE,
                    TABLE.formatted("t_uq"), "ALTER TABLE t_uq ADD CONSTRAINT t_uq_a_key UNIQUE (a)"),
            new Case("EXCLUDE", ConstraintKind.EXCLUDE, SqlState.DUPLICATE_TABLE,
                    TABLE.formatted("t_ex"), "ALTER TABLE t_ex ADD CONSTRAINT t_ex_r_excl EXCLUDE USING gist (r WITH &&)"),
            new Case("FOREIGN KEY", ConstraintKind.FOREIGN_KEY, SqlState.DUPLICATE_OBJECT,
                    TABLE.formatted("t_fk"),
                    "ALTER TABLE t_fk ADD CONSTRAINT t_fk_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parent (id)"),
            new Case("CHECK", ConstraintKind.CHECK, SqlState.DUPLICATE_OBJECT,
                    TABLE.formatted("t_ck"), "ALTER TABLE t_ck ADD CONSTRAINT t_ck_a_check CHECK (a > 0)"),
            new Case("CREATE TYPE AS ENUM", null, SqlState.DUPLICATE_OBJECT,
                    null, "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')"),
            new Case("CREATE TYPE AS (composite)", null, SqlState.DUPLICATE_OBJECT,
                    null, "CREATE TYPE money_amount AS (amount numeric, currency char(3))"),
            new Case("CREATE TABLE", null, SqlState.DUPLICATE_TABLE, null, "CREATE TABLE t_again (id bigint)"),
            new Case("CREATE INDEX", null, SqlState.DUPLICATE_TABLE,
                    TABLE.formatted("t_ix"), "CREATE INDEX t_ix_a_idx ON t_ix (a)"),
            new Case("CREATE SEQUENCE", null, SqlState.DUPLICATE_TABLE, null, "CREATE SEQUENCE s_again"),
            new Case("CREATE MATERIALIZED VIEW", null, SqlState.DUPLICATE_TABLE,
                    null, "CREATE MATERIALIZED VIEW mv_again AS SELECT 1 AS one"),
            new Case("CREATE SCHEMA", null, SqlState.DUPLICATE_SCHEMA, null, "CREATE SCHEMA s_again"),
            new Case("CREATE EXTENSION", null, SqlState.DUPLICATE_OBJECT, null, "CREATE EXTENSION citext"),
            new Case("ADD COLUMN", null, SqlState.DUPLICATE_COLUMN,
                    TABLE.formatted("t_col"), "ALTER TABLE t_col ADD COLUMN b text"),
            new Case("CREATE FUNCTION", null, SqlState.DUPLICATE_FUNCTION,
                    null, "CREATE FUNCTION f_again() RETURNS integer LANGUAGE sql AS 'SELECT 1'"));

    @TestFactory
    Stream<DynamicTest> runningAStatementAgainRaisesTheCodeOurRulesCatch() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name() + " again raises " + c.expected(), () -> check(c)));
    }

    private static void check(Case c) throws SQLException {
        try (Postgres.Database db = Postgres.freshDatabase(); Connection conn = db.connect();
             Statement jdbc = conn.createStatement()) {
            jdbc.execute(PARENT);
            if (c.setup() != null) {
                jdbc.execute(c.setup());
            }
            jdbc.execute(c.statement());
            SQLException again = null;
            try {
                jdbc.execute(c.statement());
            } catch (SQLException e) {
                again = e;
            }
            assertNotNull(again, c.statement() + " runs a second time without error");
            assertEquals(c.expected().code(), again.getSQLState(),
                    c.statement() + " raised on its second run: " + again.getMessage());
            if (c.kind() != null && !c.kind().raisedWhenAddedAgain().equals(c.expected())) {
                fail("ConstraintKind." + c.kind() + ".raisedWhenAddedAgain() is " + c.kind().raisedWhenAddedAgain()
                        + " but PostgreSQL raises " + c.expected() + " (" + again.getMessage() + ")");
            }
        }
    }
}
