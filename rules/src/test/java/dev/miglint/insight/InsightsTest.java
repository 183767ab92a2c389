package dev.miglint.insight;

import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.insight.StatementFacts.Answer;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.schema.Origin;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InsightsTest {

    private static final String INIT = "CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  email varchar(50) NOT NULL,\n"
            + "  age int DEFAULT 0\n);\n";

    /** The context of a second migration that runs after V1__init.sql created users. */
    private static FileContext afterInit() {
        FileContext first = new FileContext("db/migration/V1__init.sql", Settings.DEFAULTS, Runner.FLYWAY, SchemaModel.EMPTY);
        SchemaModel schema = Analyzer.replay(SqlFile.parse(INIT), first);
        return new FileContext("db/migration/V2__next.sql", Settings.DEFAULTS, Runner.FLYWAY, schema);
    }

    private static StatementFacts only(String sql, String at) {
        List<StatementFacts> facts = Insights.statementAt(SqlFile.parse(sql), afterInit(), sql.indexOf(at));
        assertEquals(1, facts.size(), facts.toString());
        return facts.get(0);
    }

    @Test
    void addColumnWithAVolatileDefaultTakesAnExclusiveLockRewritesAndFailsOnARerun() {
        StatementFacts f = only("ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();", "ADD");
        assertEquals("ACCESS EXCLUSIVE", f.lockMode());
        assertEquals("users", f.lockedTable().name());
        assertEquals(Answer.YES, f.rewrite().answer());
        assertTrue(f.rewrite().why().contains("gen_random_uuid()"), f.rewrite().why());
        assertEquals(Answer.NO, f.rerun().answer());
        assertTrue(f.rerun().why().contains("duplicate_column"), f.rerun().why());
        String md = f.markdown();
        assertTrue(md.contains("**ALTER TABLE users: ADD COLUMN token**"), md);
        assertTrue(md.contains("- Lock: `ACCESS EXCLUSIVE` on `users`, blocking reads and writes"), md);
        assertTrue(md.contains("- Rewrites the table: yes"), md);
        assertTrue(md.contains("- Can be re-run: no — raises duplicate\\_column (42701) the second time: add IF NOT EXISTS"), md);
    }

    @Test
    void addColumnIfNotExistsWithAConstantDefaultNeitherRewritesNorFailsAgain() {
        StatementFacts f = only("ALTER TABLE users ADD COLUMN IF NOT EXISTS score int DEFAULT 0;", "ADD");
        assertEquals(Answer.NO, f.rewrite().answer());
        assertEquals(Answer.YES, f.rerun().answer());
        assertEquals("IF NOT EXISTS", f.rerun().why());
    }

    @Test
    void aStoredGeneratedColumnRewritesForTheSameReasonTheRuleGives() {
        StatementFacts f = only("ALTER TABLE users ADD COLUMN e2 text GENERATED ALWAYS AS (lower(email)) STORED;", "ADD");
        assertEquals(Answer.YES, f.rewrite().answer());
        assertTrue(f.rewrite().why().contains("stored generated column"), f.rewrite().why());
    }

    @Test
    void typeChangesUseTheReplayedTypeAndKnowSafeWidenings() {
        assertEquals(Answer.NO, only("ALTER TABLE users ALTER COLUMN email TYPE varchar(100);", "ALTER COLUMN")
                .rewrite().answer());
        StatementFacts narrowing = only("ALTER TABLE users ALTER COLUMN age TYPE bigint;", "ALTER COLUMN");
        assertEquals(Answer.YES, narrowing.rewrite().answer());
        assertTrue(narrowing.rewrite().why().contains("from int to bigint"), narrowing.rewrite().why());
        assertEquals(Answer.MAYBE, only("ALTER TABLE users ALTER COLUMN nope TYPE bigint;", "ALTER COLUMN")
                .rewrite().answer());
    }

    @Test
    void maintenanceCommandsThatCopyTheTableAreRewrites() {
        assertEquals(Answer.YES, only("VACUUM FULL users;", "VACUUM").rewrite().answer());
        assertEquals(Answer.NO, only("VACUUM users;", "VACUUM").rewrite().answer());
        assertEquals(Answer.YES, only("CLUSTER users USING users_pkey;", "CLUSTER").rewrite().answer());
        assertEquals(Answer.YES, only("ALTER TABLE users SET TABLESPACE fast;", "SET").rewrite().answer());
        assertEquals("ACCESS EXCLUSIVE", only("VACUUM FULL users;", "VACUUM").lockMode());
    }

    @Test
    void aDoBlockHandlerGuardsOnlyTheErrorItCatches() {
        String fk = "DO $$ BEGIN\n  ALTER TABLE users ADD CONSTRAINT fk_org FOREIGN KEY (org) REFERENCES orgs (id);\n"
                + "EXCEPTION WHEN duplicate_object THEN NULL;\nEND $$;";
        StatementFacts guarded = only(fk, "ADD CONSTRAINT");
        assertEquals(Answer.YES, guarded.rerun().answer());
        assertEquals("SHARE ROW EXCLUSIVE", guarded.lockMode());

        String unique = fk.replace("FOREIGN KEY (org) REFERENCES orgs (id)", "UNIQUE (email)");
        StatementFacts wrong = only(unique, "ADD CONSTRAINT");
        assertEquals(Answer.NO, wrong.rerun().answer());
        assertTrue(wrong.rerun().why().contains("duplicate_table"), wrong.rerun().why());
        assertEquals(Answer.NO, only(unique, "DO").rerun().answer(), "the block as a whole fails too");
    }

    @Test
    void replaceableAndGuardedCreatesCanBeRerun() {
        assertEquals(Answer.YES, only("CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;",
                "CREATE").rerun().answer());
        assertEquals(Answer.NO, only("CREATE INDEX idx_users_email ON users (email);", "CREATE").rerun().answer());
        assertEquals("SHARE", only("CREATE INDEX idx_users_email ON users (email);", "CREATE").lockMode());
        assertEquals(Answer.NO, only("ALTER TABLE users RENAME COLUMN age TO years;", "RENAME").rerun().answer());
    }

    @Test
    void theStartOfAMultiActionAlterTableDescribesEveryAction() {
        String sql = "ALTER TABLE users ADD COLUMN a int, DROP COLUMN age;";
        List<StatementFacts> facts = Insights.statementAt(SqlFile.parse(sql), afterInit(), 2);
        assertEquals(List.of("ALTER TABLE users: ADD COLUMN a", "ALTER TABLE users: DROP COLUMN age"),
                facts.stream().map(StatementFacts::what).toList());
        String hover = Insights.statementHover(SqlFile.parse(sql), afterInit(), 2).orElseThrow().markdown();
        assertTrue(hover.contains("DROP COLUMN age"), hover);
    }

    @Test
    void aTableNameShowsItsColumnsAsReplayedAndTheFileThatCreatedIt() {
        String sql = "ALTER TABLE users ADD COLUMN name text;\nALTER TABLE users DROP COLUMN age;";
        SqlFile file = SqlFile.parse(sql);
        int second = sql.lastIndexOf("users") + 1;
        SchemaObject users = Insights.objectAt(file, afterInit(), second).orElseThrow();
        assertNull(users.column());
        assertEquals(List.of("id", "email", "age", "name"), List.copyOf(users.table().columns().keySet()),
                "the schema before the DROP, after the ADD");
        String md = users.markdown();
        assertTrue(md.startsWith("**users** — created in `V1__init.sql`"), md);
        assertTrue(md.contains("| id | `bigint` | PRIMARY KEY |"), md);
        assertTrue(md.contains("| email | `varchar(50)` | NOT NULL |"), md);
        assertTrue(md.contains("| age | `int` | DEFAULT 0 |"), md);
        assertEquals(new Origin("db/migration/V1__init.sql", 0), users.origin());
    }

    @Test
    void aColumnNameInAnAlterTableActionShowsTheColumn() {
        String sql = "ALTER TABLE users ALTER COLUMN email SET NOT NULL;";
        var hover = Insights.hover(SqlFile.parse(sql), afterInit(), sql.indexOf("email") + 2).orElseThrow();
        assertEquals(sql.indexOf("email"), hover.range().start());
        assertTrue(hover.markdown().startsWith("**users.email** `varchar(50) NOT NULL` — created in `V1__init.sql`"),
                hover.markdown());
    }

    @Test
    void goToDefinitionFindsTheCreatingStatementAcrossFilesAndWithinOne() {
        String sql = "CREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  user_id bigint REFERENCES users (id)\n);\n"
                + "ALTER TABLE orders ADD COLUMN total numeric;\nCREATE INDEX orders_total ON orders (total);";
        SqlFile file = SqlFile.parse(sql);
        FileContext ctx = afterInit();
        assertEquals(new Origin("db/migration/V1__init.sql", 0),
                Insights.definitionAt(file, ctx, sql.indexOf("users")).orElseThrow(), "REFERENCES table");
        assertEquals(new Origin("db/migration/V1__init.sql", 0),
                Insights.definitionAt(file, ctx, sql.indexOf("(id)") + 1).orElseThrow(), "REFERENCES column");
        assertEquals(new Origin("db/migration/V2__next.sql", sql.indexOf("ALTER")),
                Insights.definitionAt(file, ctx, sql.lastIndexOf("total")).orElseThrow(), "index column");
        assertEquals(new Origin("db/migration/V2__next.sql", 0),
                Insights.definitionAt(file, ctx, sql.lastIndexOf("orders") + 3).orElseThrow(), "index table");
        var own = Insights.objectAt(file, ctx, sql.indexOf("user_id")).orElseThrow();
        assertEquals("orders", own.table().name());
        assertEquals("user_id", own.column().name());
    }

    @Test
    void anUnknownNameHasNoDefinitionButTheStatementStillHasAHover() {
        String sql = "ALTER TABLE ghosts ADD COLUMN x int;";
        SqlFile file = SqlFile.parse(sql);
        assertTrue(Insights.definitionAt(file, afterInit(), sql.indexOf("ghosts")).isEmpty());
        var hover = Insights.hover(file, afterInit(), sql.indexOf("ghosts")).orElseThrow();
        assertTrue(hover.markdown().contains("ACCESS EXCLUSIVE"), hover.markdown());
    }
}
