package dev.miglint.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A column type as written ({@code TIMESTAMP(3)}, {@code character varying(255)}, {@code int4},
 * {@code "MonitorView"}, {@code text[]}), reduced to one canonical name so rules compare types
 * without caring about spelling.
 *
 * @param name      canonical name of a built-in type ({@code integer}, {@code bigint}, {@code varchar},
 *                  {@code char}, {@code timestamp}, {@code timestamptz}, {@code serial} …), or the
 *                  name as PostgreSQL folds it for anything else ({@code public.MonitorView})
 * @param modifiers the first parenthesised argument list without spaces ({@code 3}, {@code 10,2}), or ""
 * @param arrayDims how many array dimensions ({@code []} or {@code ARRAY}) follow the type
 */
public record SqlType(String name, String modifiers, int arrayDims) {

    /** Spellings of built-in types, folded to lower case, to their canonical names. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
            Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
            Map.entry("serial4", "serial"), Map.entry("serial8", "bigserial"), Map.entry("serial2", "smallserial"),
            Map.entry("bool", "boolean"), Map.entry("float4", "real"), Map.entry("float8", "double precision"),
            Map.entry("decimal", "numeric"),
            Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
            Map.entry("national character varying", "varchar"), Map.entry("national char varying", "varchar"),
            Map.entry("nchar varying", "varchar"),
            Map.entry("character", "char"), Map.entry("bpchar", "char"), Map.entry("national character", "char"),
            Map.entry("national char", "char"), Map.entry("nchar", "char"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("bit varying", "varbit"));

    /** Catalog names a quoted identifier may spell a built-in type with ({@code "int4"} works, {@code "integer"} does not). */
    private static final Set<String> QUOTABLE = Set.of("int2", "int4", "int8", "varchar", "bpchar", "bool", "float4",
            "float8", "text", "uuid", "json", "jsonb", "timestamp", "timestamptz", "time", "timetz", "date",
            "numeric", "bytea", "varbit", "bit", "interval");

    private static final Set<String> INTEGERS = Set.of("smallint", "integer", "bigint");
    private static final Set<String> SERIALS = Set.of("smallserial", "serial", "bigserial");
    private static final Set<String> STRINGS = Set.of("text", "varchar", "char");

    /** Reads a type as written; never fails, an unreadable type keeps its text as its name. */
    public static SqlType parse(String written) {
        List<String> words = new ArrayList<>();
        String modifiers = "";
        int arrayDims = 0;
        boolean quotedName = false;
        int i = 0;
        int n = written.length();
        while (i < n) {
            char ch = written.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '"') {
                int close = closingQuote(written, i);
                words.add(written.substring(i + 1, Math.max(i + 1, close)).replace("\"\"", "\""));
                quotedName = true;
                i = close + 1;
            } else if (ch == '(') {
                int close = closing(written, i, '(', ')');
                if (modifiers.isEmpty()) {
                    modifiers = written.substring(i + 1, Math.max(i + 1, close)).replaceAll("\\s+", "");
                }
                i = close + 1;
            } else if (ch == '[') {
                arrayDims++;
                i = closing(written, i, '[', ']') + 1;
            } else if (ch == '.') {
                // schema.type: keep the parts together as one dotted word
                if (!words.isEmpty()) {
                    words.set(words.size() - 1, words.get(words.size() - 1) + ".");
                }
                i++;
            } else {
                int start = i;
                while (i < n && isWordChar(written.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return new SqlType(written.strip(), "", 0); // a placeholder or an operator: not a type we know
                }
                String word = written.substring(start, i).toLowerCase(Locale.ROOT);
                if (word.equals("array")) {
                    arrayDims++;
                    // ARRAY[4] counts once: skip its bracket
                    while (i < n && Character.isWhitespace(written.charAt(i))) {
                        i++;
                    }
                    if (i < n && written.charAt(i) == '[') {
                        i = closing(written, i, '[', ']') + 1;
                    }
                    continue;
                }
                quotedName = false;
                appendWord(words, word);
            }
            if (ch == '"') {
                joinDotted(words);
            }
        }
        return new SqlType(canonical(words, quotedName, written), modifiers, arrayDims);
    }

    private static void appendWord(List<String> words, String word) {
        if (!words.isEmpty() && words.get(words.size() - 1).endsWith(".")) {
            words.set(words.size() - 1, words.get(words.size() - 1) + word);
        } else {
            words.add(word);
        }
    }

    /** Joins a quoted part onto a preceding {@code schema.}. */
    private static void joinDotted(List<String> words) {
        int last = words.size() - 1;
        if (last > 0 && words.get(last - 1).endsWith(".")) {
            words.set(last - 1, words.get(last - 1) + words.remove(last));
        }
    }

    private static String canonical(List<String> words, boolean quotedName, String written) {
        if (words.isEmpty()) {
            return written.strip();
        }
        String joined = String.join(" ", words);
        if (joined.startsWith("pg_catalog.")) {
            joined = joined.substring("pg_catalog.".length());
        }
        if (quotedName) {
            // Quoted names are exact: "int4" is a type, "Integer" is not, and "char" is the one-byte type.
            return QUOTABLE.contains(joined) ? ALIASES.getOrDefault(joined, joined)
                    : joined.equals("char") ? "\"char\"" : joined;
        }
        if (joined.startsWith("interval ")) {
            return "interval"; // interval day to second
        }
        // timestamp(3) with time zone arrives here as "timestamp with time zone": its precision was read already
        return ALIASES.getOrDefault(joined, joined);
    }

    private static int closingQuote(String s, int open) {
        int i = open + 1;
        while (i < s.length()) {
            if (s.charAt(i) == '"') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return s.length();
    }

    private static int closing(String s, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == opening) {
                depth++;
            } else if (s.charAt(i) == closing && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    private static boolean isWordChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$';
    }

    public boolean is(String canonicalName) {
        return name.equals(canonicalName);
    }

    public boolean isArray() {
        return arrayDims > 0;
    }

    /** smallint, integer or bigint. */
    public boolean isInteger() {
        return INTEGERS.contains(name) && !isArray();
    }

    /** smallserial, serial or bigserial. */
    public boolean isSerial() {
        return SERIALS.contains(name) && !isArray();
    }

    /** text, varchar or char. */
    public boolean isString() {
        return STRINGS.contains(name) && !isArray();
    }

    /**
     * This type renamed to {@code newName}, keeping modifiers and array dimensions, written in
     * upper case when {@code written} was ({@code TIMESTAMP(3)} → {@code TIMESTAMPTZ(3)}).
     */
    public String rewrite(String newName, boolean keepModifiers, String written) {
        StringBuilder out = new StringBuilder(newName);
        if (keepModifiers && !modifiers.isEmpty()) {
            out.append('(').append(modifiers).append(')');
        }
        out.append("[]".repeat(arrayDims));
        return isUpperCase(written) ? out.toString().toUpperCase(Locale.ROOT) : out.toString();
    }

    private static boolean isUpperCase(String written) {
        boolean letters = false;
        for (int i = 0; i < written.length(); i++) {
            char ch = written.charAt(i);
            if (Character.isLowerCase(ch)) {
                return false;
            }
            letters |= Character.isUpperCase(ch);
        }
        return letters;
    }
}
