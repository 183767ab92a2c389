package dev.miglint.alembic;

import dev.miglint.alembic.PyRead.Unreadable;
import dev.miglint.alembic.SchemaItems.ColumnSpec;
import dev.miglint.alembic.SqlTypes.EnumType;
import dev.miglint.python.Arg;
import dev.miglint.python.PyValue;
import dev.miglint.python.PyValue.Call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** create_table and add_column: the statements SQLAlchemy emits for a table of columns. */
final class TableSql {

    private TableSql() {
    }

    /**
     * CREATE TYPE for its enums, CREATE TABLE, then indexes and comments, in Alembic's order. Column
     * foreign keys and unique flags become table constraints after the primary key, as SQLAlchemy
     * writes them.
     */
    static List<String> createTable(OpArgs a) {
        String table = a.table();
        List<ColumnSpec> columns = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> pk = null;
        String pkName = null;
        for (PyValue item : a.varargs("columns")) {
            if (SchemaItems.isColumn(item)) {
                columns.add(SchemaItems.column(item));
            } else if (SchemaItems.kind(item).equals("PrimaryKeyConstraint")) {
                Call c = (Call) item;
                pk = SchemaItems.positionalNames(c, "primary key column");
                pkName = c.keyword("name").flatMap(n -> PyRead.optionalName(n.value(), "name")).orElse(null);
            } else if (SchemaItems.kind(item).equals("Index")) {
                indexes.add(indexFromItem((Call) item, table));
            } else if (item instanceof Call c) {
                constraints.add(SchemaItems.tableConstraint(c));
            } else {
                throw PyRead.unreadable("create_table item", item);
            }
        }
        List<String> primaryKey = pk != null ? pk
                : columns.stream().filter(ColumnSpec::primaryKey).map(ColumnSpec::name).toList();
        String serial = serialColumn(columns, primaryKey);

        List<String> body = new ArrayList<>();
        for (ColumnSpec c : columns) {
            body.add(c.definition(primaryKey.contains(c.name()), c.name().equals(serial)));
        }
        if (!primaryKey.isEmpty()) {
            body.add(SchemaItems.named(pkName) + "PRIMARY KEY (" + PgSyntax.idents(primaryKey) + ")");
        }
        columns.forEach(c -> c.foreignKeys().forEach(fk -> body.add(SchemaItems.foreignKeyConstraint(fk))));
        columns.stream().filter(c -> c.unique() && !c.index())
                .forEach(c -> body.add("UNIQUE (" + PgSyntax.ident(c.name()) + ")"));
        body.addAll(constraints);

        List<String> out = new ArrayList<>(enumTypes(columns));
        boolean ifNotExists = a.isTrue("if_not_exists");
        out.add("CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + table + " (" + String.join(", ", body)
                + ")" + a.kw("postgresql_partition_by").map(p -> " PARTITION BY " + PyRead.sqlText(p, "partition_by"))
                .orElse(""));
        columns.stream().filter(ColumnSpec::index).forEach(c -> out.add(columnIndex(a, c)));
        out.addAll(indexes);
        a.kw("comment").flatMap(PyValue::string).ifPresent(c -> out.add("COMMENT ON TABLE " + table + " IS "
                + PgSyntax.literal(c)));
        columns.forEach(c -> columnComment(table, c).ifPresent(out::add));
        return out;
    }

    /**
     * ADD COLUMN, then what the column's flags add to the table: foreign keys, a unique constraint,
     * an index, a comment. Alembic does not create an enum type here, and drops primary_key.
     */
    static List<String> addColumn(OpArgs a) {
        String table = a.table();
        ColumnSpec c = SchemaItems.column(a.get("column"));
        boolean serial = c.primaryKey() && c.canBeSerial();
        boolean ifNotExists = a.isTrue("if_not_exists");
        List<String> out = new ArrayList<>();
        out.add("ALTER TABLE " + table + " ADD COLUMN " + (ifNotExists ? "IF NOT EXISTS " : "")
                + c.definition(c.primaryKey(), serial));
        c.foreignKeys().forEach(fk -> out.add("ALTER TABLE " + table + " ADD " + SchemaItems.foreignKeyConstraint(fk)));
        if (c.unique() && !c.index()) {
            out.add("ALTER TABLE " + table + " ADD UNIQUE (" + PgSyntax.ident(c.name()) + ")");
        }
        if (c.index()) {
            out.add(columnIndex(a, c));
        }
        columnComment(table, c).ifPresent(out::add);
        return out;
    }

    /** The one integer primary-key column SQLAlchemy writes as SERIAL, or null. */
    private static String serialColumn(List<ColumnSpec> columns, List<String> primaryKey) {
        if (primaryKey.size() != 1) {
            return null;
        }
        return columns.stream().filter(c -> c.name().equals(primaryKey.get(0)) && c.canBeSerial())
                .map(ColumnSpec::name).findFirst().orElse(null);
    }

    private static List<String> enumTypes(List<ColumnSpec> columns) {
        Map<String, EnumType> byName = new LinkedHashMap<>();
        for (ColumnSpec c : columns) {
            EnumType e = c.type().enumType();
            if (e != null && e.create()) {
                byName.putIfAbsent(e.name(), e);
            }
        }
        return byName.values().stream().map(EnumType::createSql).toList();
    }

    /** Column(index=True): SQLAlchemy's default name ix_<table>_<column>. */
    private static String columnIndex(OpArgs a, ColumnSpec c) {
        String schema = a.schema();
        String name = "ix_" + (schema == null ? "" : schema + "_") + a.tableName() + "_" + c.name();
        return createIndex(name, a.table(), List.of(PgSyntax.ident(c.name())), c.unique(), k -> Optional.empty());
    }

    private static Optional<String> columnComment(String table, ColumnSpec c) {
        return Optional.ofNullable(c.comment()).map(text -> "COMMENT ON COLUMN " + table + "."
                + PgSyntax.ident(c.name()) + " IS " + PgSyntax.literal(text));
    }

    /** sa.Index("name", "col", …) given to create_table. */
    private static String indexFromItem(Call c, String table) {
        String name = PyRead.name(c.arg0(), "index name");
        List<String> expressions = c.args().stream().filter(Arg::isPositional).skip(1)
                .map(x -> SchemaItems.indexExpression(x.value())).toList();
        boolean unique = c.keyword("unique").map(x -> PyRead.isTrue(x.value())).orElse(false);
        return createIndex(name, table, expressions, unique, k -> c.keyword(k).map(Arg::value));
    }

    /** CREATE INDEX in the order of SQLAlchemy's PostgreSQL compiler; options are its postgresql_* kwargs. */
    static String createIndex(String name, String table, List<String> expressions, boolean unique,
                              Function<String, Optional<PyValue>> options) {
        if (expressions.isEmpty()) {
            throw new Unreadable("index " + name + " without columns");
        }
        StringBuilder sb = new StringBuilder("CREATE ");
        sb.append(unique ? "UNIQUE " : "").append("INDEX ");
        sb.append(flag(options, "postgresql_concurrently") ? "CONCURRENTLY " : "");
        sb.append(flag(options, "if_not_exists") ? "IF NOT EXISTS " : "");
        sb.append(PgSyntax.ident(name)).append(" ON ").append(table);
        options.apply("postgresql_using").flatMap(PyValue::string).ifPresent(m -> sb.append(" USING ").append(m));
        sb.append(" (").append(String.join(", ", expressions)).append(')');
        options.apply("postgresql_include").map(v -> PyRead.names(v, "include"))
                .ifPresent(cols -> sb.append(" INCLUDE (").append(PgSyntax.idents(cols)).append(')'));
        sb.append(flag(options, "postgresql_nulls_not_distinct") ? " NULLS NOT DISTINCT" : "");
        options.apply("postgresql_where").ifPresent(w -> sb.append(" WHERE ").append(PyRead.sqlText(w, "where")));
        return sb.toString();
    }

    private static boolean flag(Function<String, Optional<PyValue>> options, String name) {
        return options.apply(name).filter(PyRead::isTrue).isPresent();
    }
}
