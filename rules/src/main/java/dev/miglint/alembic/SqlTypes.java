package dev.miglint.alembic;

import dev.miglint.python.Arg;
import dev.miglint.python.PyValue;
import dev.miglint.python.PyValue.Call;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** SQLAlchemy, SQLModel and postgresql-dialect types as PostgreSQL type names. */
final class SqlTypes {

    /**
     * A PostgreSQL type; {@code enumType} is set for enums so create_table can create the type first.
     */
    record PgType(String sql, EnumType enumType) {
        boolean isInteger() {
            return sql.equals("integer") || sql.equals("bigint") || sql.equals("smallint");
        }
    }

    /** A named enum; {@code values} is null when they come from a Python enum class. */
    record EnumType(String name, List<String> values, boolean create) {
        String createSql() {
            if (values == null) {
                throw new PyRead.Unreadable("values of enum " + name + " come from a Python class");
            }
            List<String> quoted = values.stream().map(PgSyntax::literal).toList();
            return "CREATE TYPE " + name + " AS ENUM (" + String.join(", ", quoted) + ")";
        }
    }

    /** Renderers by the type's last dotted segment, lower-cased; what is missing is taken as named. */
    private static final Map<String, Function<Call, String>> TYPES = Map.ofEntries(
            Map.entry("integer", fixed("integer")), Map.entry("int", fixed("integer")),
            Map.entry("biginteger", fixed("bigint")), Map.entry("bigint", fixed("bigint")),
            Map.entry("smallinteger", fixed("smallint")), Map.entry("smallint", fixed("smallint")),
            Map.entry("string", sized("varchar")), Map.entry("varchar", sized("varchar")),
            Map.entry("unicode", sized("varchar")), Map.entry("nvarchar", sized("varchar")),
            Map.entry("autostring", sized("varchar")), Map.entry("char", sized("char")),
            Map.entry("nchar", sized("char")),
            Map.entry("text", fixed("text")), Map.entry("unicodetext", fixed("text")),
            Map.entry("clob", fixed("text")),
            Map.entry("boolean", fixed("boolean")), Map.entry("bool", fixed("boolean")),
            Map.entry("datetime", zoned("timestamp")), Map.entry("timestamp", zoned("timestamp")),
            Map.entry("time", zoned("time")), Map.entry("date", fixed("date")),
            Map.entry("interval", fixed("interval")),
            Map.entry("float", fixed("double precision")), Map.entry("double", fixed("double precision")),
            Map.entry("double_precision", fixed("double precision")), Map.entry("real", fixed("real")),
            Map.entry("numeric", SqlTypes::numeric), Map.entry("decimal", SqlTypes::numeric),
            Map.entry("largebinary", fixed("bytea")), Map.entry("bytea", fixed("bytea")),
            Map.entry("binary", fixed("bytea")), Map.entry("varbinary", fixed("bytea")),
            Map.entry("pickletype", fixed("bytea")),
            Map.entry("json", fixed("json")), Map.entry("jsonb", fixed("jsonb")),
            Map.entry("uuid", fixed("uuid")), Map.entry("guid", fixed("uuid")),
            Map.entry("array", SqlTypes::array));

    private SqlTypes() {
    }

    /** The type of a Column's type argument: a class ({@code sa.Text}) or an instance ({@code sa.String(50)}). */
    static PgType of(PyValue v) {
        Call call;
        if (v instanceof Call c) {
            call = c;
        } else if (v instanceof PyValue.Name n) {
            call = new Call(n.span(), n.dotted(), n.span(), List.of());
        } else {
            throw PyRead.unreadable("column type", v);
        }
        String kind = PyRead.lastSegment(call.callee()).toLowerCase(Locale.ROOT);
        if (kind.equals("enum")) {
            return enumType(call);
        }
        Function<Call, String> render = TYPES.get(kind);
        return new PgType(render == null ? kind : render.apply(call), null);
    }

    private static Function<Call, String> fixed(String sql) {
        return c -> sql;
    }

    private static Function<Call, String> sized(String base) {
        return c -> arg(c, 0, "length").map(n -> base + "(" + n + ")").orElse(base);
    }

    private static Function<Call, String> zoned(String base) {
        return c -> {
            String precision = c.keyword("precision").map(a -> number(a.value())).map(p -> "(" + p + ")").orElse("");
            boolean zone = PyRead.arg(c, 0, "timezone").filter(PyRead::isTrue).isPresent();
            return base + precision + (zone ? " with time zone" : "");
        };
    }

    private static String numeric(Call c) {
        Optional<String> precision = arg(c, 0, "precision");
        Optional<String> scale = arg(c, 1, "scale");
        if (precision.isEmpty()) {
            return "numeric";
        }
        return "numeric(" + precision.get() + scale.map(s -> ", " + s).orElse("") + ")";
    }

    /** ARRAY(T, dimensions=n): T followed by one [] per dimension. */
    private static String array(Call c) {
        PyValue item = PyRead.arg(c, 0, "item_type").orElseThrow(() -> new PyRead.Unreadable("ARRAY without item type"));
        int dimensions = c.keyword("dimensions").map(a -> Integer.parseInt(number(a.value()))).orElse(1);
        return of(item).sql() + "[]".repeat(Math.max(1, dimensions));
    }

    /**
     * sa.Enum("a", "b", name="x") or postgresql.ENUM(…): the named type; native_enum=False makes it a
     * varchar as long as the longest value.
     */
    private static PgType enumType(Call c) {
        List<String> values = enumValues(c);
        if (c.keyword("native_enum").filter(a -> a.value() instanceof PyValue.BoolLit b && !b.value()).isPresent()) {
            int length = values == null ? 0 : values.stream().mapToInt(String::length).max().orElse(0);
            return new PgType(length == 0 ? "varchar" : "varchar(" + length + ")", null);
        }
        String name = c.keyword("name").map(a -> PyRead.name(a.value(), "enum name"))
                .orElseThrow(() -> new PyRead.Unreadable("enum without a literal name="));
        String schema = c.keyword("schema").flatMap(a -> PyRead.optionalName(a.value(), "enum schema")).orElse(null);
        boolean create = c.keyword("create_type").map(a -> !(a.value() instanceof PyValue.BoolLit b && !b.value()))
                .orElse(true);
        String qualified = PgSyntax.qualified(schema, name);
        return new PgType(qualified, new EnumType(qualified, values, create));
    }

    /** The literal values, or null when the first argument is not a string (a Python enum class). */
    private static List<String> enumValues(Call c) {
        List<String> values = new ArrayList<>();
        for (Arg a : c.args()) {
            if (a.isPositional() && a.value() instanceof PyValue.StringLit) {
                values.add(a.value().string().orElseThrow());
            } else if (a.isPositional() || "*".equals(a.keyword())) {
                List<String> listed = a.value().strings();
                if (listed.isEmpty()) {
                    return null;
                }
                values.addAll(listed);
            }
        }
        return values;
    }

    private static Optional<String> arg(Call c, int index, String keyword) {
        return PyRead.arg(c, index, keyword).filter(v -> !(v instanceof PyValue.NoneLit)).map(SqlTypes::number);
    }

    private static String number(PyValue v) {
        if (v instanceof PyValue.NumberLit n) {
            return n.text();
        }
        throw PyRead.unreadable("type argument", v);
    }
}
