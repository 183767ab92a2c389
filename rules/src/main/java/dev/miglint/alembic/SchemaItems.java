package dev.miglint.alembic;

import dev.miglint.alembic.PyRead.Unreadable;
import dev.miglint.alembic.SqlTypes.PgType;
import dev.miglint.python.Arg;
import dev.miglint.python.PyValue;
import dev.miglint.python.PyValue.Call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** SQLAlchemy schema items (Column, ForeignKey, constraints, Index) read from op arguments, as SQL. */
final class SchemaItems {

    private static final Set<String> COLUMN_CALLEES = Set.of("Column", "sa.Column", "sqlalchemy.Column",
            "sa.schema.Column", "sqlalchemy.schema.Column", "schema.Column");
    /** SQL functions SQLAlchemy writes without parentheses. */
    private static final Set<String> ANSI_FUNCTIONS = Set.of("current_timestamp", "current_date", "current_time",
            "localtime", "localtimestamp", "current_user", "session_user", "user");
    private static final Set<String> CONSTANTS = Set.of("true", "false", "null");

    /**
     * One sa.Column. {@code nullable} is null when not given (a primary key then implies NOT NULL);
     * {@code autoincrement} null means "auto"; {@code noSerial} is set by a Python-side default,
     * server default, Sequence or identity, which stop SQLAlchemy from writing SERIAL.
     */
    record ColumnSpec(String name, PgType type, Boolean nullable, boolean primaryKey, Boolean autoincrement,
                      String serverDefault, String generated, boolean noSerial, List<String> checks,
                      List<ForeignKey> foreignKeys, boolean unique, boolean index, String comment) {

        boolean notNull(boolean inPrimaryKey) {
            return nullable != null ? !nullable : inPrimaryKey || generated != null && generated.contains("IDENTITY");
        }

        /** The column's DDL; {@code serial} when it is the table's SERIAL column. */
        String definition(boolean inPrimaryKey, boolean serial) {
            String sqlType = serial ? serialOf(type.sql()) : type.sql();
            StringBuilder sb = new StringBuilder(PgSyntax.ident(name)).append(' ').append(sqlType);
            if (serverDefault != null) {
                sb.append(" DEFAULT ").append(serverDefault);
            }
            if (generated != null) {
                sb.append(' ').append(generated);
            }
            if (notNull(inPrimaryKey) || serial) {
                sb.append(" NOT NULL");
            }
            checks.forEach(c -> sb.append(" CHECK (").append(c).append(')'));
            return sb.toString();
        }

        /** SQLAlchemy's autoincrement rule: an integer primary key with nothing else producing values. */
        boolean canBeSerial() {
            return type.isInteger() && !Boolean.FALSE.equals(autoincrement) && !noSerial
                    && (foreignKeys.isEmpty() || Boolean.TRUE.equals(autoincrement));
        }

        private static String serialOf(String integer) {
            return switch (integer) {
                case "bigint" -> "bigserial";
                case "smallint" -> "smallserial";
                default -> "serial";
            };
        }
    }

    /** A foreign key of one column, from sa.ForeignKey("table.column", …). */
    record ForeignKey(String column, String target, Call call) {
    }

    private SchemaItems() {
    }

    static boolean isColumn(PyValue v) {
        return v instanceof Call c && COLUMN_CALLEES.contains(c.callee());
    }

    static String kind(PyValue v) {
        return v instanceof Call c ? PyRead.lastSegment(c.callee()) : "";
    }

    static ColumnSpec column(PyValue v) {
        if (!isColumn(v)) {
            throw PyRead.unreadable("column", v);
        }
        Call c = (Call) v;
        String name = PyRead.arg(c, 0, "name").map(n -> PyRead.name(n, "column name"))
                .orElseThrow(() -> new Unreadable("Column without a name"));
        PgType type = c.keyword("type_").map(a -> SqlTypes.of(a.value())).orElse(null);
        String serverDefault = c.keyword("server_default").map(a -> defaultSql(a.value())).orElse(null);
        String generated = null;
        boolean noSerial = c.keyword("default").isPresent() || serverDefault != null;
        List<String> checks = new ArrayList<>();
        List<ForeignKey> fks = new ArrayList<>();
        for (Arg a : c.args().subList(c.keyword("name").isPresent() ? 0 : 1, c.args().size())) {
            if (!a.isPositional()) {
                continue;
            }
            switch (kind(a.value())) {
                case "ForeignKey" -> fks.add(foreignKey(name, (Call) a.value()));
                case "CheckConstraint" -> checks.add(PyRead.sqlText(((Call) a.value()).arg0(), "check"));
                case "Identity" -> generated = identity((Call) a.value());
                case "Computed" -> generated = computed((Call) a.value());
                case "Sequence" -> noSerial = true;
                case "DefaultClause" -> serverDefault = defaultSql(a.value());
                case "FetchedValue" -> noSerial = true;
                default -> type = type == null ? SqlTypes.of(a.value()) : type;
            }
        }
        if (type == null) {
            throw new Unreadable("Column " + name + " without a type");
        }
        noSerial |= serverDefault != null || generated != null;
        return new ColumnSpec(name, type, PyRead.bool(kw(c, "nullable"), "nullable"), flag(c, "primary_key"),
                PyRead.bool(autoincrement(c), "autoincrement"), serverDefault, generated, noSerial, checks, fks,
                flag(c, "unique"), flag(c, "index"),
                c.keyword("comment").flatMap(a -> a.value().string()).orElse(null));
    }

    /** autoincrement="auto" is the default, so it reads as unset. */
    private static PyValue autoincrement(Call c) {
        PyValue v = kw(c, "autoincrement");
        return v instanceof PyValue.StringLit ? null : v;
    }

    private static ForeignKey foreignKey(String column, Call fk) {
        String target = fk.arg0() == null ? null : PyRead.name(fk.arg0(), "ForeignKey target");
        if (target == null) {
            throw new Unreadable("ForeignKey without a target");
        }
        return new ForeignKey(column, target, fk);
    }

    /** The FOREIGN KEY constraint of a column-level sa.ForeignKey. */
    static String foreignKeyConstraint(ForeignKey fk) {
        Optional<String> name = fk.call().keyword("name").flatMap(a -> PyRead.optionalName(a.value(), "name"));
        int dot = fk.target().lastIndexOf('.');
        if (dot < 0) {
            throw new Unreadable("ForeignKey target without a table: " + fk.target());
        }
        return foreignKeySql(name.orElse(null), List.of(fk.column()), dottedTable(fk.target().substring(0, dot)),
                List.of(fk.target().substring(dot + 1)), k -> fk.call().keyword(k).map(Arg::value));
    }

    /** {@code [CONSTRAINT n] FOREIGN KEY (…) REFERENCES t (…)} with the options SQLAlchemy writes. */
    static String foreignKeySql(String name, List<String> local, String referent, List<String> remote,
                                Function<String, Optional<PyValue>> options) {
        StringBuilder sb = new StringBuilder(named(name)).append("FOREIGN KEY (").append(PgSyntax.idents(local))
                .append(") REFERENCES ").append(referent).append(" (").append(PgSyntax.idents(remote)).append(')');
        options.apply("match").flatMap(PyValue::string).ifPresent(m -> sb.append(" MATCH ").append(m));
        options.apply("ondelete").flatMap(PyValue::string).ifPresent(m -> sb.append(" ON DELETE ").append(m));
        options.apply("onupdate").flatMap(PyValue::string).ifPresent(m -> sb.append(" ON UPDATE ").append(m));
        sb.append(deferrability(options));
        return sb.toString();
    }

    static String deferrability(Function<String, Optional<PyValue>> options) {
        Boolean deferrable = PyRead.bool(options.apply("deferrable").orElse(null), "deferrable");
        String out = deferrable == null ? "" : deferrable ? " DEFERRABLE" : " NOT DEFERRABLE";
        return out + options.apply("initially").flatMap(PyValue::string).map(i -> " INITIALLY " + i).orElse("");
    }

    /** {@code "schema.table"} as written in a foreign key target, quoted part by part. */
    static String dottedTable(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? PgSyntax.ident(dotted)
                : PgSyntax.qualified(dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    static String named(String constraintName) {
        return constraintName == null ? "" : "CONSTRAINT " + PgSyntax.ident(constraintName) + " ";
    }

    /** A table-level constraint given to create_table; PrimaryKeyConstraint is read by the caller. */
    static String tableConstraint(Call c) {
        String name = c.keyword("name").flatMap(a -> PyRead.optionalName(a.value(), "constraint name")).orElse(null);
        Function<String, Optional<PyValue>> options = k -> c.keyword(k).map(Arg::value);
        return switch (kind(c)) {
            case "ForeignKeyConstraint" -> tableForeignKey(c, name, options);
            case "UniqueConstraint" -> named(name) + "UNIQUE " + nullsNotDistinct(options) + "("
                    + PgSyntax.idents(positionalNames(c, "unique column")) + ")" + deferrability(options);
            case "CheckConstraint" -> named(name) + "CHECK (" + PyRead.sqlText(c.arg0(), "check condition") + ")";
            case "ExcludeConstraint" -> exclude(name, elements(c), options);
            default -> throw new Unreadable("create_table item " + c.callee() + "(…)");
        };
    }

    static String nullsNotDistinct(Function<String, Optional<PyValue>> options) {
        return options.apply("postgresql_nulls_not_distinct").filter(PyRead::isTrue).isPresent()
                ? "NULLS NOT DISTINCT " : "";
    }

    private static String tableForeignKey(Call c, String name, Function<String, Optional<PyValue>> options) {
        List<String> local = PyRead.names(PyRead.arg(c, 0, "columns").orElse(null), "foreign key columns");
        List<String> targets = PyRead.names(PyRead.arg(c, 1, "refcolumns").orElse(null), "foreign key refcolumns");
        if (targets.isEmpty() || targets.get(0).lastIndexOf('.') < 0) {
            throw new Unreadable("ForeignKeyConstraint refcolumns without a table");
        }
        String first = targets.get(0);
        String table = first.substring(0, first.lastIndexOf('.'));
        List<String> remote = targets.stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
        return foreignKeySql(name, local, dottedTable(table), remote, options);
    }

    /** ExcludeConstraint / create_exclude_constraint elements: (column or expression, operator) pairs. */
    static List<String> elements(Call c) {
        List<PyValue> items = c.args().stream().filter(Arg::isPositional).map(Arg::value).toList();
        return exclusionElements(items);
    }

    static List<String> exclusionElements(List<PyValue> items) {
        List<String> out = new ArrayList<>();
        for (PyValue item : items) {
            List<PyValue> pair = PyRead.items(item, "exclusion element");
            if (pair.size() != 2) {
                throw PyRead.unreadable("exclusion element", item);
            }
            out.add(indexExpression(pair.get(0)) + " WITH " + PyRead.name(pair.get(1), "exclusion operator"));
        }
        return out;
    }

    static String exclude(String name, List<String> elements, Function<String, Optional<PyValue>> options) {
        String using = options.apply("using").flatMap(PyValue::string).orElse("gist");
        String where = options.apply("where").map(w -> " WHERE (" + PyRead.sqlText(w, "where") + ")").orElse("");
        return named(name) + "EXCLUDE USING " + using + " (" + String.join(", ", elements) + ")" + where
                + deferrability(options);
    }

    /** A column of an index: a name (quoted as needed) or a text() expression (as written). */
    static String indexExpression(PyValue v) {
        if (PyRead.isTextCall(v)) {
            return PyRead.sqlText(v, "index expression");
        }
        if (v instanceof Call c && Set.of("sa.column", "column", "sqlalchemy.column").contains(c.callee())) {
            return PgSyntax.ident(PyRead.name(c.arg0(), "column"));
        }
        return PgSyntax.ident(PyRead.name(v, "index column"));
    }

    static List<String> positionalNames(Call c, String what) {
        List<String> out = new ArrayList<>();
        for (Arg a : c.args()) {
            if (a.isPositional()) {
                out.add(PyRead.name(a.value(), what));
            } else if ("*".equals(a.keyword())) {
                out.addAll(PyRead.names(a.value(), what));
            }
        }
        return out;
    }

    /** A server_default as SQL: a string is a quoted literal, text() is SQL, sa.func.x() a call. */
    static String defaultSql(PyValue v) {
        if (v instanceof PyValue.StringLit) {
            return PgSyntax.literal(v.string().orElseThrow(() -> PyRead.unreadable("server_default", v)));
        }
        if (PyRead.isTextCall(v)) {
            return PyRead.sqlText(v, "server_default");
        }
        if (v instanceof PyValue.NumberLit n) {
            return n.text();
        }
        if (v instanceof PyValue.BoolLit b) {
            return String.valueOf(b.value());
        }
        if (v instanceof Call c) {
            return kind(c).equals("DefaultClause") ? defaultSql(c.arg0()) : expression(c);
        }
        throw PyRead.unreadable("server_default", v);
    }

    /** sa.func.now(), sa.false(), sa.null() … as SQL. */
    private static String expression(Call c) {
        String callee = c.callee();
        String last = PyRead.lastSegment(callee);
        if (c.args().isEmpty() && CONSTANTS.contains(last) && !callee.contains("func.")) {
            return last;
        }
        int func = callee.indexOf("func.");
        if (func < 0 || !(func == 0 || callee.charAt(func - 1) == '.')) {
            throw PyRead.unreadable("SQL expression", c);
        }
        String fn = callee.substring(func + "func.".length());
        if (c.args().isEmpty() && ANSI_FUNCTIONS.contains(fn.toLowerCase())) {
            return PgSyntax.upper(fn);
        }
        String args = c.args().stream().map(a -> argumentSql(a.value())).collect(Collectors.joining(", "));
        return fn + "(" + args + ")";
    }

    private static String argumentSql(PyValue v) {
        return v instanceof PyValue.NoneLit ? "NULL" : defaultSql(v);
    }

    private static String identity(Call c) {
        boolean always = c.keyword("always").map(a -> PyRead.isTrue(a.value())).orElse(false);
        List<String> options = new ArrayList<>();
        c.keyword("start").ifPresent(a -> options.add("START WITH " + number(a.value())));
        c.keyword("increment").ifPresent(a -> options.add("INCREMENT BY " + number(a.value())));
        return "GENERATED " + (always ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
                + (options.isEmpty() ? "" : " (" + String.join(" ", options) + ")");
    }

    private static String computed(Call c) {
        return "GENERATED ALWAYS AS (" + PyRead.sqlText(c.arg0(), "computed expression") + ") STORED";
    }

    private static String number(PyValue v) {
        if (v instanceof PyValue.NumberLit n) {
            return n.text();
        }
        throw PyRead.unreadable("number", v);
    }

    private static PyValue kw(Call c, String name) {
        return c.keyword(name).map(Arg::value).orElse(null);
    }

    private static boolean flag(Call c, String name) {
        return c.keyword(name).map(a -> PyRead.isTrue(a.value())).orElse(false);
    }
}
