package dev.miglint.sql;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.CreateType;
import dev.miglint.change.Change.DoBlock;
import dev.miglint.change.Change.PlStatement;
import dev.miglint.sql.syntax.Guard;
import dev.miglint.sql.syntax.SqlState;
import dev.miglint.text.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlBodyParserTest {

    private static DoBlock doBlock(String sql) {
        List<Change> changes = SqlFile.parse(sql).changes();
        assertEquals(1, changes.size(), () -> changes.toString());
        return assertInstanceOf(DoBlock.class, changes.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DO $$ BEGIN CREATE TYPE mood AS ENUM ('a'); END $$;",
            "DO $tag$ BEGIN CREATE TYPE mood AS ENUM ('a'); END $tag$;",
            "DO LANGUAGE plpgsql $$ BEGIN CREATE TYPE mood AS ENUM ('a'); END $$;",
            "DO $$ BEGIN CREATE TYPE mood AS ENUM ('a'); END $$ LANGUAGE plpgsql;",
            "do $$ begin create type mood as enum ('a'); end $$",
    })
    void everyDoSpellingExposesTheInnerStatement(String sql) {
        DoBlock block = doBlock(sql);
        assertEquals("plpgsql", block.language());
        assertEquals(1, block.inner().size(), () -> block.inner().toString());
        CreateType type = assertInstanceOf(CreateType.class, block.inner().get(0));
        assertEquals("mood", type.name().name());
        assertTrue(type.statement().guard().inDoBlock());
        assertEquals(block.span(), type.statement().guard().doBlock());
    }

    @Test
    void innerStatementOffsetsPointIntoTheFileText() {
        String sql = "-- x\nDO $$ BEGIN\n  ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);\nEND $$;";
        Change inner = doBlock(sql).inner().get(0);
        assertEquals("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);", inner.statement().text());
        assertEquals(sql.indexOf("ALTER"), inner.span().start());
    }

    @Test
    void exceptionConditionsAreVisibleAndGuardTheBody() {
        String sql = "DO $$ BEGIN\n ALTER TABLE a ADD CONSTRAINT u UNIQUE (x);\n"
                + "EXCEPTION\n WHEN duplicate_object OR duplicate_table THEN null;\nEND $$;";
        DoBlock block = doBlock(sql);
        assertEquals(List.of("duplicate_object", "duplicate_table"), block.handlers());
        AddConstraint add = assertInstanceOf(AddConstraint.class, block.inner().get(0));
        Guard guard = add.statement().guard();
        assertEquals(List.of("duplicate_object", "duplicate_table"), guard.handlers());
        assertTrue(guard.catches(SqlState.DUPLICATE_TABLE));
        assertTrue(guard.catches(SqlState.DUPLICATE_OBJECT));
        assertFalse(guard.catches(SqlState.INVALID_TABLE_DEFINITION));
    }

    @Test
    void handlerClausesLocateTheConditionsOfTheInnermostBlockWithHandlers() {
        String sql = "DO $$ BEGIN\n BEGIN\n  ALTER TABLE a ADD CONSTRAINT u UNIQUE (x);\n"
                + " EXCEPTION WHEN duplicate_object OR SQLSTATE '42710' THEN null;\n  WHEN others THEN RAISE;\n END;\n"
                + " CREATE TABLE b (y int);\n"
                + "EXCEPTION WHEN Duplicate_Table THEN null;\nEND $$;";
        DoBlock block = doBlock(sql);
        List<Span> inner = block.inner().get(0).statement().guard().handlerClauses();
        assertEquals(List.of("duplicate_object OR SQLSTATE '42710'", "others"),
                inner.stream().map(span -> span.text(sql)).toList());
        List<Span> outer = block.inner().get(1).statement().guard().handlerClauses();
        assertEquals(List.of("Duplicate_Table"), outer.stream().map(span -> span.text(sql)).toList());
        assertEquals(List.of(), Guard.NONE.handlerClauses());
    }

    @Test
    void drizzleForeignKeyBlockIsGuardedAgainstDuplicateObject() {
        String sql = "DO $$ BEGIN\n ALTER TABLE \"a\" ADD CONSTRAINT \"a_b_fk\" FOREIGN KEY (\"b\") REFERENCES "
                + "\"public\".\"b\"(\"id\") ON DELETE cascade ON UPDATE no action;\n"
                + "EXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;";
        List<Change> all = SqlFile.parse(sql).allChanges();
        assertEquals(3, all.size(), "the DO block, its ALTER TABLE and the handler's null");
        AddConstraint fk = assertInstanceOf(AddConstraint.class, all.get(1));
        assertTrue(fk.statement().guard().catches(fk.constraintKind().raisedWhenAddedAgain()));
        assertEquals("NULL", assertInstanceOf(PlStatement.class, all.get(2)).command());
    }

    @Test
    void ifNotExistsCatalogueCheckGuardsCreateType() {
        String sql = "DO $$\nBEGIN\n IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN\n"
                + "  CREATE TYPE mood AS ENUM ('sad', 'ok');\n END IF;\nEND\n$$;";
        CreateType type = assertInstanceOf(CreateType.class, doBlock(sql).inner().get(0));
        Guard guard = type.statement().guard();
        assertTrue(guard.checksExistence(), guard::toString);
        assertFalse(guard.hasHandlers());
    }

    @Test
    void statementsInAHandlerBodyAreNotGuardedByThatHandler() {
        String sql = "DO $$ BEGIN\n CREATE TYPE a AS ENUM ('x');\nEXCEPTION WHEN duplicate_object THEN\n"
                + " CREATE TYPE b AS ENUM ('y');\nEND $$;";
        List<Change> inner = doBlock(sql).inner();
        assertEquals(2, inner.size(), inner::toString);
        assertTrue(inner.get(0).statement().guard().catches(SqlState.DUPLICATE_OBJECT));
        assertEquals("b", ((CreateType) inner.get(1)).name().name());
        assertFalse(inner.get(1).statement().guard().catches(SqlState.DUPLICATE_OBJECT));
    }

    @Test
    void nestedBlocksInheritOuterHandlers() {
        String sql = "DO $$ BEGIN\n BEGIN\n  CREATE TYPE a AS ENUM ('x');\n"
                + " EXCEPTION WHEN duplicate_table THEN NULL;\n END;\n"
                + "EXCEPTION WHEN others THEN RAISE NOTICE 'skip';\nEND $$;";
        List<Change> inner = doBlock(sql).inner();
        Guard guard = inner.get(0).statement().guard();
        assertTrue(guard.handlers().containsAll(List.of("duplicate_table", "others")), guard::toString);
    }

    @Test
    void plpgsqlOnlyStatementsBecomePlStatements() {
        String sql = "DO $$ DECLARE n int; BEGIN n := 1; PERFORM pg_sleep(0); RAISE NOTICE 'hi; there'; END $$;";
        List<String> commands = doBlock(sql).inner().stream()
                .map(c -> assertInstanceOf(PlStatement.class, c).command()).toList();
        assertEquals(List.of("ASSIGN", "PERFORM", "RAISE"), commands);
    }

    @Test
    void innerStatementsSeeDollarQuotesOfTheirOwn() {
        String sql = "DO $outer$ BEGIN EXECUTE $q$ SELECT 1; $q$; CREATE TYPE t AS ENUM ('a'); END $outer$;";
        List<Change> inner = doBlock(sql).inner();
        assertEquals(2, inner.size(), inner::toString);
        assertInstanceOf(CreateType.class, inner.get(1));
    }

    @Test
    void nonPlpgsqlBodyIsNotParsed() {
        DoBlock block = doBlock("DO LANGUAGE plpython3u $$ print('CREATE TABLE x (a int);') $$;");
        assertEquals("plpython3u", block.language());
        assertTrue(block.inner().isEmpty());
    }

    @Test
    void unterminatedDoBodyNeverThrows() {
        SqlFile file = SqlFile.parse("DO $$ BEGIN IF (x THEN CREATE TYPE t AS ENUM ('a'");
        assertEquals(1, file.problems().size());
        assertInstanceOf(DoBlock.class, file.changes().get(0));
    }

    @Test
    void brokenBodyStructureNeverThrows() {
        for (String body : List.of("END; END IF; END LOOP;", "EXCEPTION WHEN THEN", "BEGIN BEGIN BEGIN",
                "IF IF IF THEN ELSE ELSIF", "<<lbl", "CASE WHEN", "", ";;;", "DECLARE x int;")) {
            String sql = "DO $$ " + body + " $$;";
            assertInstanceOf(DoBlock.class, SqlFile.parse(sql).changes().get(0), sql);
        }
    }
    @Test
    void sqlstateAndOthersHandlersCatchByCode() {
        String sql = "DO $$ BEGIN CREATE TABLE a (x int); EXCEPTION WHEN SQLSTATE '42P07' THEN NULL; END $$;";
        Guard guard = doBlock(sql).inner().get(0).statement().guard();
        assertTrue(guard.catches(SqlState.DUPLICATE_TABLE));
        assertFalse(guard.catches(SqlState.DUPLICATE_OBJECT));
        String others = "DO $$ BEGIN CREATE TABLE a (x int); EXCEPTION WHEN others THEN NULL; END $$;";
        assertTrue(doBlock(others).inner().get(0).statement().guard().catches(SqlState.DUPLICATE_OBJECT));
    }

    @Test
    void dataStatementsWithEqualsInADoBodyAreNotAssignments() {
        String sql = "DO $$ BEGIN UPDATE t SET a = 1; DELETE FROM t WHERE a = 2; SET search_path = public; END $$;";
        List<Change> inner = doBlock(sql).inner();
        assertInstanceOf(Change.Update.class, inner.get(0));
        assertInstanceOf(Change.Delete.class, inner.get(1));
        assertInstanceOf(Change.SetConfig.class, inner.get(2));
    }

    @Test
    void doWithAStringBodyExposesItsStatements() {
        DoBlock block = doBlock("DO 'BEGIN CREATE TYPE t AS ENUM (''a''); END';");
        assertInstanceOf(CreateType.class, block.inner().get(0));
    }
}
