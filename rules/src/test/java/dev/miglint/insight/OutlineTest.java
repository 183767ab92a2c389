package dev.miglint.insight;

import dev.miglint.insight.OutlineSymbol.Kind;
import dev.miglint.sql.SqlFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutlineTest {

    private static final String SQL = """
            CREATE TABLE users (id bigint PRIMARY KEY, email text);
            ALTER TABLE orders ADD COLUMN total numeric;
            ALTER TABLE orders ADD COLUMN a int, DROP COLUMN b;
            DO $$
            BEGIN
              CREATE TYPE mood AS ENUM ('ok');
              ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
            EXCEPTION WHEN duplicate_object THEN NULL;
            END $$;
            INSERT INTO users (id) VALUES (1);
            """;

    @Test
    void everyStatementIsASymbolWithItsActionsColumnsAndBlockBodyAsChildren() {
        List<OutlineSymbol> outline = Insights.outline(SqlFile.parse(SQL));
        assertEquals(List.of("CREATE TABLE users", "ALTER TABLE orders: ADD COLUMN total",
                "ALTER TABLE orders (2 actions)", "DO block (2 statements)", "INSERT INTO users"),
                outline.stream().map(OutlineSymbol::name).toList());

        OutlineSymbol users = outline.get(0);
        assertEquals(Kind.TABLE, users.kind());
        assertEquals(List.of("id bigint", "email text"), users.children().stream().map(OutlineSymbol::name).toList());
        assertEquals("users", users.selectionSpan().text(SQL));
        assertEquals("id", users.children().get(0).selectionSpan().text(SQL));

        assertEquals(Kind.COLUMN, outline.get(1).kind());
        assertEquals("total", outline.get(1).selectionSpan().text(SQL));
        assertEquals(List.of("ADD COLUMN a", "DROP COLUMN b"),
                outline.get(2).children().stream().map(OutlineSymbol::name).toList());

        OutlineSymbol block = outline.get(3);
        assertEquals(Kind.BLOCK, block.kind());
        assertEquals(List.of("CREATE TYPE mood", "ALTER TABLE users: ADD UNIQUE users_email_key"),
                block.children().stream().map(OutlineSymbol::name).toList());
        assertEquals(Kind.DATA, outline.get(4).kind());
    }

    @Test
    void spansCoverTheirStatementsAndSelectionsLieInsideThem() {
        for (OutlineSymbol s : Insights.outline(SqlFile.parse(SQL))) {
            check(s);
        }
    }

    private static void check(OutlineSymbol s) {
        assertEquals(true, s.span().start() <= s.selectionSpan().start() && s.selectionSpan().end() <= s.span().end(),
                s.name());
        for (OutlineSymbol child : s.children()) {
            check(child);
        }
    }
}
