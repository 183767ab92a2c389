package dev.miglint.rules.destructive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A column type as PostgreSQL sees it, whatever the spelling: {@code character varying(255)},
 * {@code VARCHAR (255)} and {@code pg_catalog."varchar"(255)} are all {@code varchar} with modifier 255.
 *
 * @param base      the canonical type name ({@code varchar}, {@code numeric}, {@code int8} …)
 * @param modifiers the numbers in parentheses, empty when unconstrained
 * @param array     true for an array type
 */
record SqlType(String base, List<Integer> modifiers, boolean array) {

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
            Map.entry("character", "bpchar"), Map.entry("char", "bpchar"),
            Map.entry("decimal", "numeric"),
            Map.entry("int", "int4"), Map.entry("integer", "int4"), Map.entry("smallint", "int2"),
            Map.entry("bigint", "int8"), Map.entry("serial", "int4"), Map.entry("bigserial", "int8"),
            Map.entry("real", "float4"), Map.entry("double precision", "float8"), Map.entry("float", "float8"),
            Map.entry("boolean", "bool"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("bit varying", "varbit"));

    /** Parses a type as written; returns null for what is not a plain type name. */
    static SqlType parse(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String t = written.replace("\"", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        boolean array = false;
        while (t.endsWith("[]")) {
            array = true;
            t = t.substring(0, t.length() - 2).trim();
        }
        if (t.endsWith(" array")) {
            array = true;
            t = t.substring(0, t.length() - " array".length()).trim();
        }
        if (t.startsWith("pg_catalog.")) {
            t = t.substring("pg_catalog.".length());
        }
        List<Integer> modifiers = new ArrayList<>();
        int open = t.indexOf('(');
        if (open >= 0) {
            int close = t.indexOf(')', open);
            if (close < 0) {
                return null;
            }
            for (String part : t.substring(open + 1, close).split(",")) {
                try {
                    modifiers.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            // "timestamp(3) with time zone": the modifier sits inside the name.
            t = (t.substring(0, open).trim() + " " + t.substring(close + 1).trim()).trim();
        }
        String base = ALIASES.getOrDefault(t, t);
        if (base.equals("numeric") && modifiers.size() == 1) {
            modifiers.add(0); // numeric(p) is numeric(p, 0)
        }
        if (base.equals("bpchar") && modifiers.isEmpty() && !t.equals("bpchar")) {
            modifiers.add(1); // char alone is char(1)
        }
        return new SqlType(base, List.copyOf(modifiers), array);
    }

    /** Types PostgreSQL ships; anything else may be a domain or an extension's type. */
    private static final Set<String> BUILT_IN = Set.of("int2", "int4", "int8", "numeric", "float4", "float8", "bool",
            "text", "varchar", "bpchar", "timestamp", "timestamptz", "date", "time", "timetz", "interval", "uuid",
            "json", "jsonb", "bytea", "inet", "cidr", "macaddr", "macaddr8", "bit", "varbit", "money", "xml", "oid",
            "point", "tsvector", "tsquery");

    boolean builtIn() {
        return BUILT_IN.contains(base);
    }

    boolean constrained() {
        return !modifiers.isEmpty();
    }

    /** The first modifier: length of varchar/bit, precision of numeric/timestamp. */
    int length() {
        return modifiers.get(0);
    }

    @Override
    public String toString() {
        String mods = modifiers.isEmpty() ? "" : modifiers.toString().replace('[', '(').replace(']', ')').replace(" ", "");
        return base + mods + (array ? "[]" : "");
    }
}
