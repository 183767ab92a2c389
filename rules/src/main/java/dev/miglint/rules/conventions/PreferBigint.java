package dev.miglint.rules.conventions;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.ConstraintKind;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.rules.conventions.Keys.KeyColumn;
import dev.miglint.schema.ColumnInfo;
import dev.miglint.schema.SqlType;
import dev.miglint.schema.TableInfo;
import dev.miglint.text.Span;

import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "prefer-bigint",
        summary = "Primary keys and serial columns are 64-bit: bigint and bigserial rather than integer and serial",
        category = Category.CONVENTIONS,
        severity = Severity.WARNING,
        fixable = true,
        since = "0.1.0",
        optIn = true,
        help = "An integer key or a serial sequence stops at 2,147,483,647 (smallint and smallserial at 32,767), "
                + "and a busy table gets there: inserts then fail until the column is widened, which rewrites the "
                + "table, and every foreign key column pointing at it, under an exclusive lock. bigint costs "
                + "4 more bytes per row and does not run out. The rule looks at primary key columns typed "
                + "smallint or integer and at smallserial and serial columns, in CREATE TABLE and ADD COLUMN; "
                + "the fix writes bigint or bigserial.")
public final class PreferBigint implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (change instanceof AddConstraint add && add.constraintKind() == ConstraintKind.PRIMARY_KEY) {
            checkAddedPrimaryKey(add, ctx);
            return;
        }
        Set<String> primaryKey = change instanceof CreateTable t ? Keys.primaryKey(t) : Set.of();
        for (TypedColumn c : TypedColumn.of(change)) {
            if (!c.definition()) {
                continue;
            }
            if (c.type().isSerial() && !c.type().is("bigserial")) {
                flag(ctx, c, "bigserial", "Column " + c.where() + " is typed " + c.written()
                        + ", whose sequence runs out at " + limit(c) + ": use bigserial");
            } else if (c.type().isInteger() && !c.type().is("bigint")
                    && (primaryKey.contains(c.column()) || c.def().primaryKey())) {
                flag(ctx, c, "bigint", "Primary key column " + c.where() + " is typed " + c.written()
                        + ", which runs out at " + limit(c) + ": use bigint");
            }
        }
    }

    /**
     * ALTER TABLE … ADD PRIMARY KEY (id), as pg_dump writes it: the column's type comes from the
     * schema replay. No fix: the type is declared in another statement.
     */
    private static void checkAddedPrimaryKey(AddConstraint add, RuleContext ctx) {
        TableInfo table = ctx.schema().table(add.table());
        if (table == null) {
            return;
        }
        for (KeyColumn k : Keys.primaryKeyClause(add.statement(), add.span())) {
            ColumnInfo column = table.column(k.column());
            if (column == null) {
                continue;
            }
            SqlType type = SqlType.parse(column.type());
            if (type.isInteger() && !type.is("bigint")) {
                ctx.report(new Span(k.token().start(), k.token().end()), "Primary key column " + k.column() + " of "
                        + add.table() + " is typed " + column.type() + ", which runs out at "
                        + (type.is("smallint") ? "32,767" : "2,147,483,647") + ": make it bigint", List.of());
            }
        }
    }

    private static String limit(TypedColumn c) {
        return c.type().is("smallint") || c.type().is("smallserial") ? "32,767" : "2,147,483,647";
    }

    private static void flag(RuleContext ctx, TypedColumn c, String wider, String message) {
        String replacement = c.type().rewrite(wider, false, c.written());
        ctx.report(c.typeSpan(), message, List.of(new Fix("Use " + replacement, List.of(c.replaceType(replacement)))));
    }
}
