package dev.miglint.drizzle.schema;

import java.util.Map;
import java.util.Set;

/** The drizzle-orm/pg-core column builders and the SQL type each creates, and the modifiers that set defaults. */
public final class DrizzleBuilders {

    /** Builder → base SQL type; options ({@code length}, {@code withTimezone}, …) refine it in {@link #sqlType}. */
    public static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("uuid", "uuid"), Map.entry("text", "text"), Map.entry("varchar", "varchar"),
            Map.entry("char", "char"), Map.entry("integer", "integer"), Map.entry("smallint", "smallint"),
            Map.entry("bigint", "bigint"), Map.entry("serial", "serial"), Map.entry("smallserial", "smallserial"),
            Map.entry("bigserial", "bigserial"), Map.entry("boolean", "boolean"), Map.entry("timestamp", "timestamp"),
            Map.entry("time", "time"), Map.entry("date", "date"), Map.entry("interval", "interval"),
            Map.entry("json", "json"), Map.entry("jsonb", "jsonb"), Map.entry("numeric", "numeric"),
            Map.entry("decimal", "numeric"), Map.entry("real", "real"),
            Map.entry("doublePrecision", "double precision"), Map.entry("inet", "inet"), Map.entry("cidr", "cidr"),
            Map.entry("macaddr", "macaddr"), Map.entry("macaddr8", "macaddr8"), Map.entry("bytea", "bytea"),
            Map.entry("point", "point"), Map.entry("line", "line"), Map.entry("vector", "vector"),
            Map.entry("halfvec", "halfvec"), Map.entry("bit", "bit"), Map.entry("sparsevec", "sparsevec"),
            Map.entry("geometry", "geometry"));

    /** Builders whose keys the team rule replaces with uuid. */
    public static final Set<String> NON_UUID_KEYS = Set.of("text", "varchar", "char", "serial", "smallserial", "bigserial",
            "integer", "smallint", "bigint");

    /** Modifiers that give the column a value when the insert does not. */
    public static final Set<String> DEFAULTS = Set.of("default", "defaultNow", "defaultRandom", "$defaultFn", "$default",
            "generatedAlwaysAsIdentity", "generatedByDefaultAsIdentity", "generatedAlwaysAs");

    /** Modifiers that only exist on numeric builders or produce values a uuid column cannot hold. */
    public static final Set<String> KEY_DEFAULTS_TO_REPLACE = Set.of("default", "$defaultFn", "$default",
            "generatedAlwaysAsIdentity", "generatedByDefaultAsIdentity");

    /** Modifiers that change nothing the drift rules compare. */
    public static final Set<String> KNOWN_MODIFIERS = Set.of("notNull", "primaryKey", "unique", "references", "array",
            "$type", "$onUpdate", "$onUpdateFn", "$defaultFn", "$default", "default", "defaultNow", "defaultRandom",
            "generatedAlwaysAsIdentity", "generatedByDefaultAsIdentity", "generatedAlwaysAs", "$notNull");

    private DrizzleBuilders() {
    }

    /** The SQL type of builder {@code base} with its options (option name → value as written). */
    public static String sqlType(String base, Map<String, String> options) {
        String length = options.get("length");
        return switch (base) {
            case "varchar", "char" -> length != null ? base + "(" + length + ")" : base;
            case "timestamp", "time" -> withPrecision("true".equals(options.get("withTimezone")) ? base + "tz" : base,
                    options.get("precision"));
            case "numeric" -> options.containsKey("precision") ? "numeric(" + options.get("precision")
                    + (options.containsKey("scale") ? "," + options.get("scale") : "") + ")" : "numeric";
            case "vector", "halfvec", "sparsevec" -> options.containsKey("dimensions")
                    ? base + "(" + options.get("dimensions") + ")" : base;
            default -> base;
        };
    }

    private static String withPrecision(String type, String precision) {
        return precision == null ? type : type + "(" + precision + ")";
    }
}
