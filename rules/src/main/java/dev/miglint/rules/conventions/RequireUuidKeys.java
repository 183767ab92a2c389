package dev.miglint.rules.conventions;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.ColumnDef;
import dev.miglint.change.ConstraintKind;
import dev.miglint.change.Name;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.rules.conventions.Keys.ForeignKeyColumn;
import dev.miglint.rules.conventions.Keys.KeyColumn;
import dev.miglint.schema.ColumnInfo;
import dev.miglint.schema.SqlType;
import dev.miglint.schema.TableInfo;
import dev.miglint.text.Span;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
        id = "require-uuid-keys",
        summary = "Primary and foreign key columns are typed uuid, not text, varchar, char, serial or integer",
        category = Category.CONVENTIONS,
        severity = Severity.WARNING,
        fixable = false,
        since = "0.1.0",
        help = "Team convention: every primary key is a uuid (id uuid PRIMARY KEY DEFAULT gen_random_uuid()) and "
                + "every foreign key column that points at one is a uuid too. Sequential integer and serial keys "
                + "leak row counts and collide when data from two databases is merged; text and varchar keys "
                + "accept any string and compare slower. Identity columns (integer/bigint GENERATED … AS "
                + "IDENTITY) count as integer keys. In a composite primary key only the identifier columns (id, …_id, …Id) "
                + "are judged; a type, date or name that completes the key is left alone. A foreign key column is only reported when the key it "
                + "references is uuid or not known to miglint: one that follows a non-uuid key of a table the "
                + "migrations created is left alone, the key itself is reported. miglint offers no fix, because "
                + "changing a key's type also changes the columns and code that refer to it; for an existing "
                + "table that keeps its keys, ignore the finding with a reason.")
public final class RequireUuidKeys implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (change instanceof CreateTable t && !t.temporary()) {
            checkCreateTable(t, ctx);
        } else if (change instanceof AddColumn a) {
            checkAddColumn(a, ctx);
        } else if (change instanceof AddConstraint a && (a.constraintKind() == ConstraintKind.PRIMARY_KEY
                || a.constraintKind() == ConstraintKind.FOREIGN_KEY)) {
            checkAddConstraint(a, ctx);
        }
    }

    private static void checkCreateTable(CreateTable t, RuleContext ctx) {
        Set<String> primaryKey = Keys.primaryKey(t);
        List<ForeignKeyColumn> foreignKeys = Keys.foreignKeys(t);
        if (primaryKey.isEmpty() && foreignKeys.isEmpty()) {
            return;
        }
        // Only key columns are typed: a schema dump's tables have hundreds of other columns.
        Set<String> keys = new HashSet<>(primaryKey);
        foreignKeys.forEach(fk -> keys.add(fk.column().column()));
        Map<String, TypedColumn> typed = new HashMap<>();
        for (TypedColumn c : TypedColumn.of(t, keys)) {
            typed.put(c.column(), c);
        }
        Set<String> reported = new HashSet<>();
        for (String column : primaryKey) {
            TypedColumn c = typed.get(column);
            if (c != null && isBanned(c.type()) && isSurrogate(column, primaryKey.size()) && reported.add(column)) {
                reportPrimaryKey(ctx, c.where(), c.written(), c.typeSpan());
            }
        }
        for (ForeignKeyColumn fk : foreignKeys) {
            TypedColumn c = typed.get(fk.column().column());
            if (c == null || !isBanned(c.type()) || reported.contains(c.column())) {
                continue;
            }
            Target target = t.name().sameObject(fk.referencedTable())
                    ? selfReference(t, typed, primaryKey, fk.referencedColumn())
                    : target(ctx, fk);
            if (target != Target.FOLLOWS && reported.add(c.column())) {
                reportForeignKey(ctx, c.where(), c.written(), fk, c.typeSpan());
            }
        }
    }

    private static void checkAddColumn(AddColumn a, RuleContext ctx) {
        for (TypedColumn c : TypedColumn.of(a)) {
            if (!isBanned(c.type())) {
                continue;
            }
            ColumnDef def = c.def();
            ForeignKeyColumn fk = Keys.inlineReference(a.statement(), def);
            if (def.primaryKey()) {
                reportPrimaryKey(ctx, c.where(), c.written(), c.typeSpan());
            } else if (fk != null && target(ctx, fk) != Target.FOLLOWS) {
                reportForeignKey(ctx, c.where(), c.written(), fk, c.typeSpan());
            }
        }
    }

    /** ADD PRIMARY KEY / FOREIGN KEY on columns an earlier statement created: their types come from the schema. */
    private static void checkAddConstraint(AddConstraint a, RuleContext ctx) {
        TableInfo table = ctx.schema().table(a.table());
        if (table == null) {
            return; // the columns' types are not known
        }
        String where = " of " + a.table();
        if (a.constraintKind() == ConstraintKind.PRIMARY_KEY) {
            List<KeyColumn> key = Keys.primaryKeyClause(a.statement(), a.span());
            for (KeyColumn k : key) {
                ColumnInfo column = table.column(k.column());
                if (column != null && isBanned(SqlType.parse(column.type())) && isSurrogate(k.column(), key.size())) {
                    reportPrimaryKey(ctx, k.column() + where, column.type(), span(k));
                }
            }
            return;
        }
        for (ForeignKeyColumn fk : Keys.foreignKeyClause(a.statement(), a.span())) {
            ColumnInfo column = table.column(fk.column().column());
            if (column != null && isBanned(SqlType.parse(column.type())) && target(ctx, fk) != Target.FOLLOWS) {
                reportForeignKey(ctx, fk.column().column() + where, column.type(), fk, span(fk.column()));
            }
        }
    }

    private static Span span(KeyColumn k) {
        return new Span(k.token().start(), k.token().end());
    }

    /** What a foreign key column points at, as far as the migrations tell. */
    private enum Target {
        /** A uuid key: the column must be uuid too. */
        UUID,
        /** A table miglint has not seen created: the column is judged on its own. */
        UNKNOWN,
        /** A key of another type, or one miglint cannot pin down, of a known table: the column just follows it. */
        FOLLOWS
    }

    private static Target target(RuleContext ctx, ForeignKeyColumn fk) {
        TableInfo table = ctx.schema().table(fk.referencedTable());
        if (table == null) {
            return Target.UNKNOWN;
        }
        ColumnInfo column = fk.referencedColumn() != null ? table.column(fk.referencedColumn())
                : table.columns().values().stream().filter(ColumnInfo::primaryKey).findFirst().orElse(null);
        return column != null && SqlType.parse(column.type()).is("uuid") ? Target.UUID : Target.FOLLOWS;
    }

    private static Target selfReference(CreateTable t, Map<String, TypedColumn> typed, Set<String> primaryKey,
                                        String referencedColumn) {
        String column = referencedColumn != null ? referencedColumn
                : primaryKey.isEmpty() ? null : primaryKey.iterator().next();
        TypedColumn c = column == null ? null : typed.get(column);
        return c != null && c.type().is("uuid") ? Target.UUID : Target.FOLLOWS;
    }

    /**
     * In a composite key only the identifier columns ({@code id}, {@code …_id}, {@code …Id}) are keys in the
     * convention's sense; the others (a type discriminator, a timestamp, a name) are attributes that make
     * the key unique. Its foreign key columns are judged as foreign keys.
     */
    static boolean isSurrogate(String column, int keySize) {
        if (keySize <= 1) {
            return true;
        }
        String lower = column.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("id") || lower.endsWith("_id") || column.endsWith("Id");
    }

    /** text, varchar, char, the serials and the integers: the key types the convention replaces with uuid. */
    static boolean isBanned(SqlType type) {
        return type.isString() || type.isSerial() || type.isInteger();
    }

    private static void reportPrimaryKey(RuleContext ctx, String where, String written, Span range) {
        ctx.report(range, "Primary key column " + where + " is typed " + written + ", not uuid: declare it "
                + "uuid PRIMARY KEY DEFAULT gen_random_uuid() as the team's key convention asks", List.of());
    }

    private static void reportForeignKey(RuleContext ctx, String where, String written, ForeignKeyColumn fk,
                                         Span range) {
        Name target = fk.referencedTable();
        ctx.report(range, "Foreign key column " + where + " is typed " + written + ", not uuid: keys are uuid by "
                + "the team's convention, so reference " + target + " with a uuid column", List.of());
    }
}
