package dev.miglint.alembic;

import dev.miglint.alembic.PyRead.Unreadable;
import dev.miglint.alembic.Translation.LiteralSql;
import dev.miglint.alembic.Translation.NotAnalysable;
import dev.miglint.alembic.Translation.Sql;
import dev.miglint.alembic.Translation.Unrecognized;
import dev.miglint.python.PyValue;
import dev.miglint.python.PyValue.Call;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Translates one Alembic op call into the PostgreSQL that {@code alembic upgrade --sql} prints for
 * it, so the SQL rules can lint Python migrations. Arguments are read literally; whatever needs the
 * migration to run (variables, f-strings, Python enum classes) makes the call {@link Unrecognized}.
 */
public final class OpSql {

    /** An op: Alembic's signature for it (see {@link OpArgs}) and the statements it emits. */
    private record Op(String signature, Function<OpArgs, List<String>> render) {
    }

    private static final Map<String, Op> OPS = Map.ofEntries(
            Map.entry("create_table", new Op("@table_name|name *columns", TableSql::createTable)),
            Map.entry("drop_table", new Op("@table_name|name", OpSql::dropTable)),
            Map.entry("add_column", new Op("@table_name column", TableSql::addColumn)),
            Map.entry("drop_column", new Op("@table_name column_name", OpSql::dropColumn)),
            Map.entry("alter_column", new Op("@table_name column_name", OpSql::alterColumn)),
            Map.entry("create_index", new Op("index_name|name @table_name columns", OpSql::createIndex)),
            Map.entry("drop_index", new Op("index_name|name @table_name", OpSql::dropIndex)),
            Map.entry("create_foreign_key", new Op("constraint_name|name @source_table|source"
                    + " referent_table|referent local_cols remote_cols", OpSql::createForeignKey)),
            Map.entry("create_unique_constraint", new Op("constraint_name|name @table_name|source"
                    + " columns|local_cols", OpSql::createUniqueConstraint)),
            Map.entry("create_check_constraint", new Op("constraint_name|name @table_name|source"
                    + " condition", OpSql::createCheckConstraint)),
            Map.entry("create_primary_key", new Op("constraint_name|name @table_name columns|cols",
                    OpSql::createPrimaryKey)),
            Map.entry("create_exclude_constraint", new Op("constraint_name|name @table_name *elements",
                    OpSql::createExcludeConstraint)),
            Map.entry("drop_constraint", new Op("constraint_name|name @table_name type_", OpSql::dropConstraint)),
            Map.entry("rename_table", new Op("@old_table_name new_table_name", OpSql::renameTable)),
            Map.entry("create_table_comment", new Op("@table_name comment", OpSql::createTableComment)),
            Map.entry("drop_table_comment", new Op("@table_name", OpSql::dropTableComment)),
            Map.entry("bulk_insert", new Op("table rows", BulkInsert::statements)),
            // alembic_postgresql_enum's op, as the plain DDL it runs (its comparison operators left out)
            Map.entry("sync_enum_values", new Op("enum_schema enum_name new_values affected_columns",
                    OpSql::syncEnumValues)));

    /** Calls on op that only hand out helpers (a connection, a context, a name) and emit no SQL. */
    private static final Set<String> EMITS_NOTHING = Set.of("get_bind", "get_context", "f", "inline_literal",
            "batch_alter_table", "implementation_for", "register_operation", "invoke", "run_async");

    private OpSql() {
    }

    /** Never throws: what cannot be read comes back as {@link Unrecognized} with the reason. */
    public static Translation translate(OpCall call) {
        if (call.isSqlExecution()) {
            return call.literalSql().<Translation>map(LiteralSql::new).orElseGet(() -> new NotAnalysable(
                    call.receiver() + "." + call.method() + " with SQL built at run time"));
        }
        if (call.receiverKind() == ReceiverKind.CONNECTION) {
            return new Unrecognized("connection method " + call.method());
        }
        if (EMITS_NOTHING.contains(call.method())) {
            return new Sql("");
        }
        Op op = OPS.get(call.method());
        if (op == null) {
            return new Unrecognized("op." + call.method() + " is not an operation miglint translates");
        }
        if (call.isBatch() && call.batchTable() == null) {
            return new Unrecognized("batch_alter_table with a table name that is not a literal");
        }
        try {
            return new Sql(String.join(";\n", op.render().apply(new OpArgs(call, op.signature()))));
        } catch (Unreadable e) {
            return new Unrecognized(e.getMessage());
        } catch (RuntimeException e) {
            return new Unrecognized("cannot read " + call.method() + ": " + e);
        }
    }

    private static List<String> dropTable(OpArgs a) {
        return List.of("DROP TABLE " + (a.isTrue("if_exists") ? "IF EXISTS " : "") + a.table());
    }

    private static List<String> dropColumn(OpArgs a) {
        return List.of("ALTER TABLE " + a.table() + " DROP COLUMN " + (a.isTrue("if_exists") ? "IF EXISTS " : "")
                + PgSyntax.ident(a.name("column_name")));
    }

    /**
     * One statement per change in the order PostgresqlImpl emits them: type, nullability, default,
     * comment, and the rename last. existing_* arguments only describe the column and emit nothing.
     */
    private static List<String> alterColumn(OpArgs a) {
        String column = PgSyntax.ident(a.name("column_name"));
        String alter = "ALTER TABLE " + a.table() + " ALTER COLUMN " + column;
        List<String> out = new ArrayList<>();
        a.kw("type_").ifPresent(t -> out.add(alter + " TYPE " + SqlTypes.of(t).sql()
                + a.kw("postgresql_using").map(u -> " USING " + PyRead.sqlText(u, "postgresql_using")).orElse("")));
        Boolean nullable = PyRead.bool(a.kw("nullable").orElse(null), "nullable");
        if (nullable != null) {
            out.add(alter + (nullable ? " DROP NOT NULL" : " SET NOT NULL"));
        }
        a.kw("server_default").filter(OpSql::isGiven).ifPresent(d -> out.add(alter
                + (d instanceof PyValue.NoneLit ? " DROP DEFAULT" : " SET DEFAULT " + SchemaItems.defaultSql(d))));
        a.kw("comment").filter(OpSql::isGiven).ifPresent(c -> out.add("COMMENT ON COLUMN " + a.table() + "."
                + column + " IS " + c.string().map(PgSyntax::literal).orElse("NULL")));
        a.kw("new_column_name").ifPresent(n -> out.add("ALTER TABLE " + a.table() + " RENAME COLUMN " + column
                + " TO " + PgSyntax.ident(PyRead.name(n, "new_column_name"))));
        return out;
    }

    /** Alembic's "not given" default for server_default and comment is False, not None. */
    private static boolean isGiven(PyValue v) {
        return !(v instanceof PyValue.BoolLit b && !b.value());
    }

    private static List<String> createIndex(OpArgs a) {
        List<String> expressions = PyRead.items(listOf(a.get("columns")), "index columns").stream()
                .map(SchemaItems::indexExpression).toList();
        return List.of(TableSql.createIndex(a.name("index_name"), a.table(), expressions, a.isTrue("unique"),
                a::kw));
    }

    /** A lone column may be passed without a list. */
    private static PyValue listOf(PyValue v) {
        return v instanceof PyValue.ListLit || v instanceof PyValue.TupleLit ? v
                : new PyValue.ListLit(v.span(), List.of(v));
    }

    private static List<String> dropIndex(OpArgs a) {
        return List.of("DROP INDEX " + (a.isTrue("postgresql_concurrently") ? "CONCURRENTLY " : "")
                + (a.isTrue("if_exists") ? "IF EXISTS " : "") + PgSyntax.qualified(a.schema(), a.name("index_name")));
    }

    private static List<String> createForeignKey(OpArgs a) {
        String source = PgSyntax.qualified(a.schema("source_schema"), a.tableName());
        String referent = PgSyntax.qualified(a.schema("referent_schema"), a.name("referent_table"));
        String fk = SchemaItems.foreignKeySql(constraintName(a), names(a, "local_cols"), referent,
                names(a, "remote_cols"), a::kw);
        return List.of("ALTER TABLE " + source + " ADD " + fk);
    }

    private static List<String> createUniqueConstraint(OpArgs a) {
        return addConstraint(a, "UNIQUE " + SchemaItems.nullsNotDistinct(a::kw) + "("
                + PgSyntax.idents(names(a, "columns")) + ")" + SchemaItems.deferrability(a::kw));
    }

    private static List<String> createCheckConstraint(OpArgs a) {
        return addConstraint(a, "CHECK (" + PyRead.sqlText(a.get("condition"), "check condition") + ")");
    }

    private static List<String> createPrimaryKey(OpArgs a) {
        return addConstraint(a, "PRIMARY KEY (" + PgSyntax.idents(names(a, "columns")) + ")");
    }

    private static List<String> createExcludeConstraint(OpArgs a) {
        String exclude = SchemaItems.exclude(constraintName(a),
                SchemaItems.exclusionElements(a.varargs("elements")), a::kw);
        return List.of("ALTER TABLE " + a.table() + " ADD " + exclude);
    }

    private static List<String> addConstraint(OpArgs a, String definition) {
        return List.of("ALTER TABLE " + a.table() + " ADD " + SchemaItems.named(constraintName(a)) + definition);
    }

    private static String constraintName(OpArgs a) {
        return PyRead.optionalName(a.opt("constraint_name").orElse(null), "constraint_name").orElse(null);
    }

    private static List<String> names(OpArgs a, String param) {
        return PyRead.names(a.get(param), param);
    }

    /**
     * Autogenerate writes {@code drop_constraint(None, …)} for a constraint it could not name; the
     * op is still a DROP CONSTRAINT on that table, shown under a name that says so.
     */
    private static List<String> dropConstraint(OpArgs a) {
        String name = a.get("constraint_name") instanceof PyValue.NoneLit ? UNNAMED : a.name("constraint_name");
        return List.of("ALTER TABLE " + a.table() + " DROP CONSTRAINT " + (a.isTrue("if_exists") ? "IF EXISTS " : "")
                + PgSyntax.ident(name));
    }

    /** The name a constraint passed as None is shown under. */
    static final String UNNAMED = "(unnamed)";

    private static List<String> renameTable(OpArgs a) {
        return List.of("ALTER TABLE " + a.table() + " RENAME TO " + PgSyntax.ident(a.name("new_table_name")));
    }

    private static List<String> createTableComment(OpArgs a) {
        String comment = a.get("comment").string().map(PgSyntax::literal)
                .orElseThrow(() -> PyRead.unreadable("comment", a.get("comment")));
        return List.of("COMMENT ON TABLE " + a.table() + " IS " + comment);
    }

    private static List<String> dropTableComment(OpArgs a) {
        return List.of("COMMENT ON TABLE " + a.table() + " IS NULL");
    }

    /** Rename the old type away, create the new one, move each column over with a cast, drop the old. */
    private static List<String> syncEnumValues(OpArgs a) {
        String schema = PyRead.optionalName(a.opt("enum_schema").orElse(null), "enum_schema").orElse(null);
        String name = a.name("enum_name");
        String type = PgSyntax.qualified(schema, name);
        List<String> values = PyRead.names(a.get("new_values"), "new_values").stream().map(PgSyntax::literal).toList();
        List<String> out = new ArrayList<>();
        out.add("ALTER TYPE " + type + " RENAME TO " + PgSyntax.ident(name + "_old"));
        out.add("CREATE TYPE " + type + " AS ENUM (" + String.join(", ", values) + ")");
        for (PyValue ref : PyRead.items(a.get("affected_columns"), "affected_columns")) {
            out.add(castColumn(ref, schema, type));
        }
        out.add("DROP TYPE " + PgSyntax.qualified(schema, name + "_old"));
        return out;
    }

    /**
     * An affected column moved to the new enum type: TableReference(table_name, column_name,
     * table_schema=…), or the older ("table", "column") tuple in the enum's schema.
     */
    private static String castColumn(PyValue ref, String enumSchema, String type) {
        String table;
        String column;
        String schema = enumSchema;
        if (ref instanceof PyValue.TupleLit t && t.items().size() == 2) {
            table = PyRead.name(t.items().get(0), "table_name");
            column = PyRead.name(t.items().get(1), "column_name");
        } else if (ref instanceof Call c) {
            table = PyRead.name(PyRead.arg(c, 0, "table_name").orElse(null), "table_name");
            column = PyRead.name(PyRead.arg(c, 1, "column_name").orElse(null), "column_name");
            schema = c.keyword("table_schema").flatMap(s -> PyRead.optionalName(s.value(), "schema")).orElse(null);
        } else {
            throw PyRead.unreadable("affected column", ref);
        }
        String col = PgSyntax.ident(column);
        return "ALTER TABLE " + PgSyntax.qualified(schema, table) + " ALTER COLUMN " + col + " TYPE " + type
                + " USING " + col + "::text::" + type;
    }
}
