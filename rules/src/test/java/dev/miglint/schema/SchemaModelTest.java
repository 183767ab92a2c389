package dev.miglint.schema;

import dev.miglint.change.Change;
import dev.miglint.change.Name;
import dev.miglint.sql.SqlFile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaModelTest {

    private static SchemaModel replay(SchemaModel start, String sql, String file) {
        SchemaModel schema = start;
        for (Change change : SqlFile.parse(sql).allChanges()) {
            schema = schema.apply(change, file);
        }
        return schema;
    }

    private static Name table(String name) {
        return new Name(null, name, null);
    }

    @Test
    void tablesAndColumnsFollowTheMigrations() {
        SchemaModel schema = replay(SchemaModel.EMPTY, """
                CREATE TABLE users (id uuid PRIMARY KEY, email varchar(100) NOT NULL, legacy text);
                ALTER TABLE users ADD COLUMN name text, DROP COLUMN legacy;
                ALTER TABLE users ALTER COLUMN email TYPE text, ALTER COLUMN name SET NOT NULL;
                ALTER TABLE users RENAME COLUMN name TO full_name;
                CREATE TABLE tmp (id int);
                DROP TABLE tmp;
                ALTER TABLE public.users RENAME TO accounts;
                """, "V1__init.sql");

        assertFalse(schema.hasTable(table("users")));
        assertFalse(schema.hasTable(table("tmp")));
        TableInfo accounts = schema.table(table("accounts"));
        assertEquals(java.util.List.of("id", "email", "full_name"), java.util.List.copyOf(accounts.columns().keySet()));
        assertEquals("text", accounts.column("email").type());
        assertTrue(accounts.column("full_name").notNull());
        assertTrue(accounts.column("id").primaryKey());
        assertEquals("V1__init.sql", accounts.origin().file());
    }

    @Test
    void applyingAChangeLeavesTheEarlierModelAsItWas() {
        SchemaModel before = replay(SchemaModel.EMPTY, "CREATE TABLE orders (id int);", "a.sql");
        SchemaModel after = replay(before, "ALTER TABLE orders ADD COLUMN total int; DROP TABLE orders;", "b.sql");

        assertTrue(before.hasTable(table("orders")));
        assertNull(before.table(table("orders")).column("total"));
        assertFalse(after.hasTable(table("orders")));
    }

    @Test
    void doBlockBodiesAndSchemaQualifiedNamesAreReplayed() {
        SchemaModel schema = replay(SchemaModel.EMPTY, """
                CREATE TABLE billing.invoices (id int);
                DO $$ BEGIN
                  ALTER TABLE billing.invoices ADD COLUMN total int;
                EXCEPTION WHEN duplicate_column THEN null;
                END $$;
                """, "x.sql");

        assertNull(schema.table(table("invoices")), "billing.invoices is not public.invoices");
        assertEquals("int", schema.table(new Name("billing", "invoices", null)).column("total").type());
    }

    @Test
    void manyTablesStayCorrectAcrossLayerMerges() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id int);\n");
        }
        for (int i = 0; i < 300; i += 2) {
            sql.append("DROP TABLE t").append(i).append(";\n");
        }
        SchemaModel schema = replay(SchemaModel.EMPTY, sql.toString(), "big.sql");

        assertEquals(150, schema.tables().size());
        assertFalse(schema.hasTable(table("t0")));
        assertTrue(schema.hasTable(table("t299")));
    }
}
