package dev.miglint.alembic;

import dev.miglint.python.Arg;
import dev.miglint.python.PyValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one schema op does to which object, as far as reversing it goes: {@code op.create_index("ix",
 * "t", …)} creates index ix on t. A null table or an empty name list means "not a literal": it
 * matches anything, so an unreadable argument never produces a finding.
 *
 * @param sign  +1 creates, -1 drops, 0 changes in place (rename_table, alter_column)
 * @param names   the object's name; for alter_column the column before and after a rename, for
 *                rename_table the new table name
 * @param columns the literal columns an index or constraint is on; empty when not known
 */
public record OpEffect(Kind kind, int sign, String table, List<String> names, List<String> columns) {

    public enum Kind { TABLE, COLUMN, INDEX, CONSTRAINT, RENAME_TABLE, ALTER_COLUMN }

    /** Where an op's arguments are: the object's name and, outside a batch, its table. */
    private record Shape(Kind kind, int sign, int nameIndex, String nameKeyword, int tableIndex, String tableKeyword) {
    }

    private static final Map<String, Shape> SHAPES = Map.ofEntries(
            Map.entry("create_table", new Shape(Kind.TABLE, 1, -1, null, 0, "table_name")),
            Map.entry("drop_table", new Shape(Kind.TABLE, -1, -1, null, 0, "table_name")),
            Map.entry("add_column", new Shape(Kind.COLUMN, 1, 1, "column", 0, "table_name")),
            Map.entry("drop_column", new Shape(Kind.COLUMN, -1, 1, "column_name", 0, "table_name")),
            Map.entry("create_index", new Shape(Kind.INDEX, 1, 0, "index_name", 1, "table_name")),
            Map.entry("drop_index", new Shape(Kind.INDEX, -1, 0, "index_name", 1, "table_name")),
            Map.entry("create_foreign_key", constraint(1, "source_table")),
            Map.entry("create_unique_constraint", constraint(1, "table_name")),
            Map.entry("create_check_constraint", constraint(1, "table_name")),
            Map.entry("create_primary_key", constraint(1, "table_name")),
            Map.entry("create_exclude_constraint", constraint(1, "table_name")),
            Map.entry("drop_constraint", new Shape(Kind.CONSTRAINT, -1, 0, "constraint_name", 1, "table_name")),
            Map.entry("rename_table", new Shape(Kind.RENAME_TABLE, 0, 1, "new_table_name", 0, "old_table_name")),
            Map.entry("alter_column", new Shape(Kind.ALTER_COLUMN, 0, 1, "column_name", 0, "table_name")));

    /** Where the columns of an index or constraint are, outside a batch; in a batch one place earlier. */
    private static final Map<String, Integer> COLUMN_INDEX = Map.of("create_index", 2,
            "create_unique_constraint", 2, "create_primary_key", 2, "create_foreign_key", 3);
    private static final Map<String, String> COLUMN_KEYWORD = Map.of("create_index", "columns",
            "create_unique_constraint", "columns", "create_primary_key", "columns", "create_foreign_key", "local_cols");

    private static Shape constraint(int tableIndex, String tableKeyword) {
        return new Shape(Kind.CONSTRAINT, 1, 0, "constraint_name", tableIndex, tableKeyword);
    }

    /** The effect of a schema op; empty for execute, bulk_insert and anything else it cannot judge. */
    public static Optional<OpEffect> of(OpCall call) {
        Shape shape = SHAPES.get(call.method());
        if (shape == null || call.receiverKind() == ReceiverKind.CONNECTION
                || (call.isBatch() && (shape.kind == Kind.TABLE || shape.kind == Kind.RENAME_TABLE))) {
            return Optional.empty();
        }
        String table = call.isBatch() ? call.batchTable() : name(call.arg(shape.tableIndex, shape.tableKeyword));
        List<String> names = new ArrayList<>();
        if (shape.nameIndex >= 0) {
            // In a batch the table is implied, so the name moves to the first argument.
            Optional<Arg> arg = call.arg(call.isBatch() ? 0 : shape.nameIndex, shape.nameKeyword);
            String name = shape.kind == Kind.COLUMN && shape.sign > 0 ? columnName(arg) : name(arg);
            if (name != null) {
                names.add(name);
            }
        }
        if (shape.kind == Kind.ALTER_COLUMN && !names.isEmpty()) {
            String renamed = name(call.keyword("new_column_name"));
            if (renamed != null) {
                names.add(renamed);
            }
        }
        return Optional.of(new OpEffect(shape.kind, shape.sign, table, List.copyOf(names), columns(call)));
    }

    private static List<String> columns(OpCall call) {
        Integer index = COLUMN_INDEX.get(call.method());
        if (index == null) {
            return List.of();
        }
        Optional<Arg> arg = call.arg(call.isBatch() ? index - 1 : index, COLUMN_KEYWORD.get(call.method()));
        return arg.map(a -> a.value().strings()).orElse(List.of());
    }

    /**
     * This effect as seen after a later op of the same function renamed its table or column, e.g.
     * add_column(t, new_id) followed by alter_column(t, new_id, new_column_name=id) leaves column id.
     */
    public OpEffect after(OpEffect later) {
        return renamed(later, false);
    }

    /**
     * This effect under the names in use before an earlier op of the same function renamed them:
     * downgrade()'s ops after its rename_table(new, old) are on "old", which was "new" when it started.
     */
    public OpEffect before(OpEffect earlier) {
        return renamed(earlier, true);
    }

    private OpEffect renamed(OpEffect rename, boolean backwards) {
        if (kind == Kind.RENAME_TABLE || rename.names.isEmpty() || rename.table == null) {
            return this;
        }
        if (rename.kind == Kind.RENAME_TABLE) {
            String from = backwards ? rename.names.get(0) : rename.table;
            String to = backwards ? rename.table : rename.names.get(0);
            return from.equals(table) ? new OpEffect(kind, sign, to, names, columns) : this;
        }
        if (rename.kind != Kind.ALTER_COLUMN || rename.names.size() < 2 || !rename.table.equals(table)) {
            return this;
        }
        String from = rename.names.get(backwards ? 1 : 0);
        String to = rename.names.get(backwards ? 0 : 1);
        boolean column = kind == Kind.COLUMN || kind == Kind.ALTER_COLUMN;
        return new OpEffect(kind, sign, table, column ? rename(names, from, to) : names, rename(columns, from, to));
    }

    private static List<String> rename(List<String> list, String from, String to) {
        return list.stream().map(n -> n.equals(from) ? to : n).toList();
    }

    /** A string literal, or the literal inside {@code op.f("…")} (a name exempt from naming conventions). */
    private static String name(Optional<Arg> arg) {
        PyValue v = arg.map(Arg::value).orElse(null);
        if (v instanceof PyValue.Call c && (c.callee().equals("f") || c.callee().endsWith(".f"))) {
            v = c.arg0();
        }
        return v == null ? null : v.string().orElse(null);
    }

    /** The name of {@code sa.Column("name", …)}. */
    private static String columnName(Optional<Arg> arg) {
        PyValue v = arg.map(Arg::value).orElse(null);
        if (!(v instanceof PyValue.Call c) || !(c.callee().equals("Column") || c.callee().endsWith(".Column"))) {
            return null;
        }
        return name(c.positional(0).or(() -> c.keyword("name")));
    }

    /** True when the object's name is a literal, so two effects can be told to be about the same one. */
    public boolean named() {
        return kind == Kind.TABLE ? table != null : !names.isEmpty();
    }

    /** True when {@code other}, found in downgrade(), undoes this upgrade effect. */
    public boolean undoneBy(OpEffect other) {
        if (kind != other.kind || sign != -other.sign) {
            return false;
        }
        if (kind == Kind.RENAME_TABLE) {
            // rename_table(old, new) is undone by rename_table(new, old).
            return same(table, first(other.names)) && same(first(names), other.table);
        }
        return same(table, other.table) && overlap(names, other.names);
    }

    /**
     * True when downgrade's {@code other} drops (or recreates) this effect's whole table: dropping a
     * table undoes the columns, indexes and constraints added to it; recreating it restores dropped ones.
     */
    public boolean coveredByTable(OpEffect other) {
        if (other.kind != Kind.TABLE || kind == Kind.TABLE || kind == Kind.RENAME_TABLE || table == null) {
            return false;
        }
        return table.equals(other.table) && (sign < 0 ? other.sign > 0 : other.sign < 0);
    }

    /**
     * True when downgrade's {@code other} drops the column this alter_column changed (the common add
     * nullable, backfill, set NOT NULL upgrade), or a column this index or constraint is on.
     */
    public boolean coveredByColumn(OpEffect other) {
        if (other.kind != Kind.COLUMN || other.sign >= 0 || !same(table, other.table) || other.names.isEmpty()) {
            return false;
        }
        if (kind == Kind.ALTER_COLUMN) {
            return overlap(names, other.names);
        }
        // PostgreSQL drops the indexes and constraints that involve a dropped column.
        return sign > 0 && other.names.stream().anyMatch(columns::contains);
    }

    /**
     * The literal names to look for in downgrade's SQL: an index or constraint by its name alone
     * ({@code DROP INDEX ix} names no table), a column with its table.
     */
    public List<String> words() {
        if ((kind == Kind.INDEX || kind == Kind.CONSTRAINT) && !names.isEmpty()) {
            return names;
        }
        List<String> out = new ArrayList<>();
        if (table != null) {
            out.add(table);
        }
        if (!names.isEmpty()) {
            // After an alter_column rename, the SQL undoing it names the new column.
            out.add(names.get(names.size() - 1));
        }
        return out;
    }

    private static boolean same(String a, String b) {
        return a == null || b == null || a.equals(b);
    }

    private static boolean overlap(List<String> a, List<String> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }

    private static String first(List<String> names) {
        return names.isEmpty() ? null : names.get(0);
    }
}
