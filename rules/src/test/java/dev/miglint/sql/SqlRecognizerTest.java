package dev.miglint.sql;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.AlterColumnType;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.Change.CreateType;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Change.DropColumn;
import dev.miglint.change.Change.MetaCommand;
import dev.miglint.change.Change.Privilege;
import dev.miglint.change.Change.Select;
import dev.miglint.change.Change.Truncate;
import dev.miglint.change.Change.Unrecognized;
import dev.miglint.change.ColumnDef;
import dev.miglint.change.ConstraintKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlRecognizerTest {

    private static List<Change> changes(String sql) {
        return SqlFile.parse(sql).changes();
    }

    private static <T extends Change> T only(String sql, Class<T> type) {
        List<Change> changes = changes(sql);
        assertEquals(1, changes.size(), () -> "changes of " + sql + ": " + changes);
        return assertInstanceOf(type, changes.get(0), sql);
    }

    @Test
    void createTableIfNotExistsAndNamesAreNormalised() {
        CreateTable t = only("CREATE TABLE IF NOT EXISTS Public.\"MixedCase\" (id int);", CreateTable.class);
        assertTrue(t.ifNotExists());
        assertEquals("public", t.name().schema());
        assertEquals("MixedCase", t.name().name());
        assertEquals(-1, t.guardAt());
    }

    @Test
    void createTableWithoutGuardOffersTheGuardOffset() {
        String sql = "CREATE TABLE users (id int);";
        CreateTable t = only(sql, CreateTable.class);
        assertFalse(t.ifNotExists());
        assertEquals(sql.indexOf("users"), t.guardAt());
    }

    @Test
    void columnDefinitionsCarryTypeNullabilityDefaultAndKeys() {
        CreateTable t = only("CREATE TABLE \"order\" (\n"
                + "  id bigserial PRIMARY KEY,\n"
                + "  \"userId\" uuid NOT NULL REFERENCES auth.users(id) ON DELETE CASCADE,\n"
                + "  status varchar(20) DEFAULT 'new' NOT NULL,\n"
                + "  total numeric(10, 2),\n"
                + "  CONSTRAINT order_total_check CHECK (total >= 0)\n);", CreateTable.class);
        List<ColumnDef> cols = t.columns();
        assertEquals(List.of("id", "userId", "status", "total"), cols.stream().map(ColumnDef::name).toList());
        assertTrue(cols.get(0).primaryKey());
        assertTrue(cols.get(0).notNull());
        assertEquals("uuid", cols.get(1).type());
        assertTrue(cols.get(1).notNull());
        assertEquals("auth.users", cols.get(1).references());
        assertEquals("varchar(20)", cols.get(2).type());
        assertEquals("'new'", cols.get(2).defaultValue());
        assertTrue(cols.get(2).notNull());
        assertEquals("numeric(10, 2)", cols.get(3).type());
        assertFalse(cols.get(3).notNull());
        assertNull(cols.get(3).defaultValue());
        assertEquals(1, t.constraints().size());
        assertEquals(ConstraintKind.CHECK, t.constraints().get(0).kind());
        assertEquals("order_total_check", t.constraints().get(0).name());
    }

    @Test
    void declarativePartitioningIsRecognised() {
        CreateTable t = only("CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);",
                CreateTable.class);
        assertEquals("RANGE", t.partitionBy());
        CreateTable part = only("CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') "
                + "TO ('2025-01-01');", CreateTable.class);
        assertEquals("events", part.partitionOf().name());
    }

    @Test
    void windowFunctionPartitionByIsNotPartitioning() {
        CreateTable t = only("CREATE TABLE ranked AS SELECT id, row_number() OVER (PARTITION BY project_id "
                + "ORDER BY id) AS rn FROM traces;", CreateTable.class);
        assertNull(t.partitionBy());
        assertTrue(t.asQuery());
        for (Change c : changes("SELECT row_number() OVER (PARTITION BY a ORDER BY b) FROM t;")) {
            assertInstanceOf(Select.class, c);
        }
    }

    @Test
    void createIndexConcurrentlyIfNotExists() {
        CreateIndex i = only("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"Idx\" ON public.t USING btree (a) "
                + "WHERE a IS NOT NULL;", CreateIndex.class);
        assertTrue(i.unique());
        assertTrue(i.concurrently());
        assertTrue(i.ifNotExists());
        assertEquals("Idx", i.name().name());
        assertEquals("public.t", i.table().qualified());
        assertEquals("btree", i.method());
        assertTrue(i.partial());
    }

    @Test
    void dropIndexConcurrentlyIfExists() {
        Drop d = only("DROP INDEX CONCURRENTLY IF EXISTS \"traces_idx\", other_idx;", Drop.class);
        assertEquals("INDEX", d.objectKind());
        assertTrue(d.concurrently());
        assertTrue(d.ifExists());
        assertEquals(List.of("traces_idx", "other_idx"), d.names().stream().map(n -> n.name()).toList());
    }

    @Test
    void objectKindOfOtherCreates() {
        CreateObject v = only("CREATE OR REPLACE VIEW v AS SELECT 1;", CreateObject.class);
        assertEquals("VIEW", v.objectKind());
        assertTrue(v.orReplace());
        CreateObject mv = only("CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT 1;", CreateObject.class);
        assertEquals("MATERIALIZED VIEW", mv.objectKind());
        assertTrue(mv.ifNotExists());
        CreateObject trg = only("CREATE TRIGGER t BEFORE UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION f();",
                CreateObject.class);
        assertEquals("TRIGGER", trg.objectKind());
        assertEquals("items", trg.on().name());
    }

    @Test
    void createTypeAsEnumListsItsValues() {
        CreateType t = only("CREATE TYPE \"Role\" AS ENUM ('admin', 'it''s');", CreateType.class);
        assertEquals("Role", t.name().name());
        assertEquals("ENUM", t.typeKind());
        assertEquals(List.of("admin", "it's"), t.values());
    }

    @Test
    void multiActionAlterTableGivesOneChangePerAction() {
        String sql = "ALTER TABLE t ADD COLUMN IF NOT EXISTS a int NOT NULL DEFAULT 0, DROP COLUMN b CASCADE, "
                + "ALTER COLUMN c TYPE bigint USING c::bigint;";
        List<Change> changes = changes(sql);
        assertEquals(3, changes.size(), changes::toString);
        AddColumn add = assertInstanceOf(AddColumn.class, changes.get(0));
        assertTrue(add.ifNotExists());
        assertEquals("a", add.column().name());
        assertEquals("int", add.column().type());
        assertTrue(add.column().notNull());
        assertEquals("0", add.column().defaultValue());
        DropColumn drop = assertInstanceOf(DropColumn.class, changes.get(1));
        assertEquals("b", drop.column());
        assertTrue(drop.cascade());
        AlterColumnType type = assertInstanceOf(AlterColumnType.class, changes.get(2));
        assertEquals("bigint", type.type());
        assertTrue(type.using());
        // each action has its own span inside the statement
        assertEquals(sql.indexOf("DROP COLUMN"), changes.get(1).span().start());
    }

    @Test
    void addConstraintKindsAreRecognised() {
        assertEquals(ConstraintKind.UNIQUE,
                only("ALTER TABLE t ADD CONSTRAINT u UNIQUE (a);", AddConstraint.class).constraintKind());
        assertEquals(ConstraintKind.PRIMARY_KEY,
                only("ALTER TABLE t ADD PRIMARY KEY (a);", AddConstraint.class).constraintKind());
        assertEquals(ConstraintKind.CHECK,
                only("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);", AddConstraint.class).constraintKind());
        AddConstraint fk = only("ALTER TABLE \"post\" ADD CONSTRAINT \"post_userId_fk\" FOREIGN KEY (\"userId\") "
                + "REFERENCES \"user\"(\"id\") ON DELETE cascade ON UPDATE no action;", AddConstraint.class);
        assertEquals(ConstraintKind.FOREIGN_KEY, fk.constraintKind());
        assertEquals("post_userId_fk", fk.name());
        assertEquals("post", fk.table().name());
        assertFalse(fk.notValid());
    }

    @Test
    void notValidIsSeenButNotNullIsNot() {
        assertTrue(only("alter table \"public\".\"t\" add constraint \"t_fk\" foreign key (a) references u(id) "
                + "not valid;", AddConstraint.class).notValid());
        assertFalse(only("ALTER TABLE t ADD CONSTRAINT c CHECK (a IS NOT NULL);", AddConstraint.class).notValid());
    }

    @Test
    void usingIndexIsSeenOnUniqueConstraint() {
        assertTrue(only("ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX u_idx;", AddConstraint.class).usingIndex());
    }

    @Test
    void grantTruncateIsAPrivilegeNotATruncate() {
        Privilege p = only("grant truncate on table \"public\".\"api_brain_definition\" to \"anon\";",
                Privilege.class);
        assertFalse(p.revoke());
        assertEquals("truncate", p.privileges());
        assertEquals("TABLE", p.objectKind());
        assertTrue(only("REVOKE TRUNCATE ON t FROM x;", Privilege.class).revoke());
    }

    @Test
    void truncateListsItsTables() {
        Truncate t = only("TRUNCATE TABLE ONLY a, b.c CASCADE;", Truncate.class);
        assertEquals(List.of("a", "b.c"), t.tables().stream().map(n -> n.qualified()).toList());
        assertTrue(t.cascade());
    }

    @Test
    void createFunctionWithBeginAtomicIsOneFunction() {
        CreateObject f = only("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;",
                CreateObject.class);
        assertEquals("FUNCTION", f.objectKind());
    }

    @Test
    void flywayPlaceholderIsKeptAsAName() {
        CreateTable t = only("CREATE TABLE ${schema}.things (id int);", CreateTable.class);
        assertEquals("${schema}", t.name().schema());
        assertEquals("things", t.name().name());
    }

    @Test
    void metaCommandIsRecognisedAsSuch() {
        assertEquals("\\set ON_ERROR_STOP on", only("\\set ON_ERROR_STOP on\n", MetaCommand.class).command());
    }

    @Test
    void unknownStatementIsUnrecognisedNotAnException() {
        assertInstanceOf(Unrecognized.class, only("FROBNICATE the database;", Unrecognized.class));
        assertInstanceOf(Unrecognized.class, only("CREATE;", Unrecognized.class));
        assertInstanceOf(Unrecognized.class, only("ALTER TABLE;", Unrecognized.class));
    }

    @Test
    void transactionAndSetStatements() {
        assertEquals("BEGIN", only("BEGIN;", Change.Transaction.class).command());
        assertEquals("COMMIT", only("commit;", Change.Transaction.class).command());
        Change.SetConfig set = only("SET lock_timeout = '5s';", Change.SetConfig.class);
        assertEquals("lock_timeout", set.parameter());
        assertEquals("'5s'", set.value());
    }
    @Test
    void notNullInsideACheckOrGeneratedExpressionDoesNotMakeTheColumnNotNull() {
        assertFalse(only("CREATE TABLE t (a int CHECK (b IS NOT NULL));", CreateTable.class)
                .columns().get(0).notNull());
        assertFalse(only("CREATE TABLE t (a int GENERATED ALWAYS AS (CASE WHEN b IS NOT NULL THEN 1 END) STORED);",
                CreateTable.class).columns().get(0).notNull());
    }

    @Test
    void onDeleteSetDefaultIsNotAColumnDefault() {
        assertNull(only("CREATE TABLE t (a int REFERENCES u(id) ON DELETE SET DEFAULT);", CreateTable.class)
                .columns().get(0).defaultValue());
    }

    @Test
    void columnNamedExcludeIsAColumn() {
        CreateTable t = only("CREATE TABLE t (exclude boolean, b int);", CreateTable.class);
        assertEquals(List.of("exclude", "b"), t.columns().stream().map(ColumnDef::name).toList());
        assertInstanceOf(AddColumn.class, changes("ALTER TABLE t ADD exclude boolean;").get(0));
    }

    @Test
    void setTimeZoneKeepsItsValue() {
        assertEquals("'UTC'", only("SET TIME ZONE 'UTC';", Change.SetConfig.class).value());
    }
}
