package dev.miglint.drizzle.schema;

import dev.miglint.text.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a pgTable's third argument, {@code (t) => [ … ]}, {@code (t) => ({ … })} or a block returning
 * an object: {@code primaryKey({columns})}, {@code foreignKey({columns, foreignColumns})},
 * {@code index(…).on(t.col)}, {@code uniqueIndex(…).on(…)}, {@code unique(…).on(…)}, and marks the
 * columns they name. Checks and policies change no column and are passed over.
 */
final class DrizzleExtraConfig {

    private static final Set<String> CALLS = Set.of("primaryKey", "foreignKey", "index", "uniqueIndex", "unique");

    private final TsSource ts;
    private final DrizzleSchemaReader reader;
    private final List<Problem> problems;
    private String param;
    private Map<String, DrizzleColumn> byKey;
    /** The config call being read: where its problems are reported. */
    private dev.miglint.text.Span at;

    DrizzleExtraConfig(TsSource ts, DrizzleSchemaReader reader, List<Problem> problems) {
        this.ts = ts;
        this.reader = reader;
        this.problems = problems;
    }

    List<DrizzleColumn> apply(int[] arg, List<DrizzleColumn> columns) {
        byKey = new LinkedHashMap<>();
        columns.forEach(c -> byKey.put(c.key(), c));
        int a = arg[0];
        int b = arg[1];
        int arrow = ts.find(a, b, "=>");
        if (arrow < 0) {
            problems.add(new Problem(ts.span(a, b), "the table's third argument is not an arrow function: "
                    + "its keys and indexes are not read"));
            return columns;
        }
        param = ts.isIdent(a) ? ts.text(a) : ts.isPunct(a, "(") && ts.isIdent(a + 1) ? ts.text(a + 1) : null;
        for (int i = arrow + 1; i < b; i++) {
            if (isConfigCall(i)) {
                at = ts.span(i, ts.partner(i + 1) + 1);
                read(reader.pgCoreName(ts.text(i)), i + 1, ts.partner(i + 1), b);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** A call of one of {@link #CALLS}, not a member ({@code .unique()} on a column is the column's own). */
    private boolean isConfigCall(int i) {
        return ts.isIdent(i) && CALLS.contains(reader.pgCoreName(ts.text(i))) && ts.isPunct(i + 1, "(")
                && ts.partner(i + 1) > i && !ts.isPunct(i - 1, ".");
    }

    private void read(String fn, int open, int close, int b) {
        switch (fn) {
            case "primaryKey" -> {
                List<String> keys = keyList(open, close, "columns");
                keys.forEach(k -> mark(k, true, false, false));
            }
            case "foreignKey" -> foreignKey(open, close);
            default -> {
                List<String> keys = onColumns(close + 1, b);
                boolean unique = !fn.equals("index");
                if (keys.size() == 1) {
                    mark(keys.get(0), false, unique, !unique);
                }
            }
        }
    }

    /** The {@code t.x} members of {@code prop: [ … ]} in the object argument, or of all arguments ({@code primaryKey(t.a, t.b)}). */
    private List<String> keyList(int open, int close, String prop) {
        int[] range = ts.isPunct(open + 1, "{") ? reader.objectProps(open + 1).get(prop) : new int[] {open + 1, close};
        return range == null ? List.of() : members(range[0], range[1], param);
    }

    private void foreignKey(int open, int close) {
        List<String> from = keyList(open, close, "columns");
        int[] to = ts.isPunct(open + 1, "{") ? reader.objectProps(open + 1).get("foreignColumns") : null;
        List<String[]> targets = to == null ? List.of() : refs(to[0], to[1]);
        if (from.size() != targets.size()) {
            problems.add(new Problem(ts.span(open - 1, close + 1), "foreignKey: columns and foreignColumns "
                    + "could not be paired; not read"));
            return;
        }
        for (int k = 0; k < from.size(); k++) {
            DrizzleColumn c = byKey.get(from.get(k));
            if (c != null && c.refTable() == null) {
                byKey.put(c.key(), c.withReference(targets.get(k)[0], targets.get(k)[1], null));
            }
        }
    }

    /** The columns of a following {@code .on(t.a, t.b)} or {@code .using("gin", t.a)}. */
    private List<String> onColumns(int i, int b) {
        while (ts.isPunct(i, ".") && ts.isIdent(i + 1) && ts.isPunct(i + 2, "(") && ts.partner(i + 2) > 0) {
            String m = ts.text(i + 1);
            int close = ts.partner(i + 2);
            if (m.equals("on") || m.equals("using")) {
                return members(i + 3, close, param);
            }
            i = close + 1;
        }
        return List.of();
    }

    /** The keys {@code y} of the top-level items {@code p.y} of {@code [a, b)} (an array is looked into). */
    private List<String> members(int a, int b, String p) {
        if (ts.isPunct(a, "[") && ts.partner(a) == b - 1) {
            return members(a + 1, b - 1, p);
        }
        List<String> out = new ArrayList<>();
        for (String[] r : refs(a, b)) {
            if (p == null || r[0].equals(p)) {
                out.add(r[1]);
            }
        }
        return out;
    }

    /** Items {@code x.y} of a comma list, optionally inside {@code […]}; other items are skipped. */
    private List<String[]> refs(int a, int b) {
        if (ts.isPunct(a, "[") && ts.partner(a) == b - 1) {
            return refs(a + 1, b - 1);
        }
        List<String[]> out = new ArrayList<>();
        for (int[] p : ts.split(a, b)) {
            if (p[1] - p[0] == 3 && ts.isIdent(p[0]) && ts.isPunct(p[0] + 1, ".") && ts.isIdent(p[0] + 2)) {
                out.add(new String[] {ts.text(p[0]), ts.text(p[0] + 2)});
            }
        }
        return out;
    }

    private void mark(String key, boolean pk, boolean unique, boolean index) {
        DrizzleColumn c = byKey.get(key);
        if (c == null) {
            problems.add(new Problem(at, "the table config names `" + key + "`, which is not a column "
                    + "of the table"));
            return;
        }
        byKey.put(key, c.withKeys(pk, unique, index));
    }
}
