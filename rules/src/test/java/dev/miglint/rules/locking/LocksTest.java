package dev.miglint.rules.locking;

import dev.miglint.change.Change;
import dev.miglint.sql.SqlFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocksTest {

    private static Change only(String sql) {
        List<Change> changes = SqlFile.parse(sql).allChanges();
        assertEquals(1, changes.size(), "expected one change in " + sql);
        return changes.get(0);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "CREATE INDEX i ON orders (user_id)                                   | SHARE",
            "CREATE UNIQUE INDEX CONCURRENTLY i ON orders (user_id)               | SHARE UPDATE EXCLUSIVE",
            "DROP INDEX i                                                         | ACCESS EXCLUSIVE",
            "DROP INDEX CONCURRENTLY i                                            | SHARE UPDATE EXCLUSIVE",
            "ALTER TABLE orders ADD COLUMN note text                              | ACCESS EXCLUSIVE",
            "ALTER TABLE orders ALTER COLUMN status SET NOT NULL                  | ACCESS EXCLUSIVE",
            "ALTER TABLE orders ALTER COLUMN status SET STATISTICS 500            | SHARE UPDATE EXCLUSIVE",
            "ALTER TABLE orders ADD CONSTRAINT f FOREIGN KEY (u) REFERENCES users | SHARE ROW EXCLUSIVE",
            "ALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0) NOT VALID      | ACCESS EXCLUSIVE",
            "ALTER TABLE orders ADD CONSTRAINT k UNIQUE (number)                  | ACCESS EXCLUSIVE",
            "ALTER TABLE orders VALIDATE CONSTRAINT f                             | SHARE UPDATE EXCLUSIVE",
            "ALTER TABLE orders DISABLE TRIGGER orders_audit                      | SHARE ROW EXCLUSIVE",
            "ALTER TABLE orders ATTACH PARTITION orders_2024 FOR VALUES IN (2024)  | SHARE UPDATE EXCLUSIVE",
            "ALTER TABLE orders DETACH PARTITION orders_2019 CONCURRENTLY         | SHARE UPDATE EXCLUSIVE",
            "ALTER TABLE orders ENABLE ROW LEVEL SECURITY                         | ACCESS EXCLUSIVE",
            "CREATE TRIGGER t AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION f() | SHARE ROW EXCLUSIVE",
            "CREATE POLICY p ON orders USING (true)                               | ACCESS EXCLUSIVE",
            "DROP TABLE orders                                                    | ACCESS EXCLUSIVE",
            "TRUNCATE orders                                                      | ACCESS EXCLUSIVE",
            "REINDEX TABLE orders                                                 | SHARE",
            "REINDEX TABLE CONCURRENTLY orders                                    | SHARE UPDATE EXCLUSIVE",
            "REFRESH MATERIALIZED VIEW order_totals                               | ACCESS EXCLUSIVE",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals                  | EXCLUSIVE",
            "VACUUM FULL orders                                                   | ACCESS EXCLUSIVE",
            "VACUUM orders                                                        | SHARE UPDATE EXCLUSIVE",
            "LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE                        | SHARE ROW EXCLUSIVE",
            "LOCK orders                                                          | ACCESS EXCLUSIVE",
            "UPDATE orders SET status = 'x' WHERE id = 1                          | ROW EXCLUSIVE",
    })
    void eachStatementTakesTheLockPostgresDocuments(String sql, String mode) {
        assertEquals(Optional.of(mode), Locks.lockOf(only(sql)));
    }

    @Test
    void statementsThatLockNoExistingTableHaveNoLock() {
        assertEquals(Optional.empty(), Locks.lockOf(only("CREATE TABLE refunds (id uuid)")));
        assertEquals(Optional.empty(), Locks.lockOf(only("SET lock_timeout = '5s'")));
        assertEquals(Optional.empty(), Locks.lockOf(only("CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql")));
    }

    @Test
    void theLockedTableIsNamedWhereTheStatementNamesIt() {
        assertEquals("orders", Locks.tableOf(only("CREATE TRIGGER t AFTER INSERT ON orders FOR EACH ROW "
                + "EXECUTE FUNCTION f()")).name());
        assertEquals("billing.invoices", Locks.tableOf(only("ALTER TABLE billing.invoices ADD COLUMN n int"))
                .qualified());
        assertEquals(null, Locks.tableOf(only("DROP INDEX idx_orders_user_id")));
    }

    @Test
    void onlyModesConflictingWithRowExclusiveBlockWrites() {
        assertTrue(Locks.blocksWrites(Locks.SHARE));
        assertTrue(Locks.blocksWrites(Locks.ACCESS_EXCLUSIVE));
        assertFalse(Locks.blocksWrites(Locks.SHARE_UPDATE_EXCLUSIVE));
        assertFalse(Locks.blocksWrites(Locks.ROW_EXCLUSIVE));
        assertEquals("blocking reads and writes", Locks.blocks(Locks.ACCESS_EXCLUSIVE));
    }
}
