package dev.miglint.drizzle.schema;

import dev.miglint.text.Problem;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the columns object of a {@code pgTable}: {@code { key: builder("name", opts).modifier()… }},
 * or the callback form {@code (t) => ({ key: t.uuid() })}.
 */
final class DrizzleColumnReader {

    private final TsSource ts;
    private final DrizzleSchemaReader reader;
    private List<Problem> problems;
    /** The callback's parameter ({@code t}), whose members are the pg-core builders; null for a plain object. */
    private String builderParam;

    DrizzleColumnReader(TsSource ts, DrizzleSchemaReader reader) {
        this.ts = ts;
        this.reader = reader;
    }

    List<DrizzleColumn> columns(int[] arg, List<String> unknown, List<Problem> problems) {
        this.problems = problems;
        int open = objectOpen(arg[0], arg[1]);
        if (open < 0) {
            problems.add(new Problem(ts.span(arg[0], arg[1]), "the columns are not an object literal: "
                    + "the table's columns are not known"));
            unknown.add(ts.span(arg[0], arg[1]).text(ts.src));
            return List.of();
        }
        List<DrizzleColumn> out = new ArrayList<>();
        for (int[] p : ts.split(open + 1, ts.partner(open))) {
            if (ts.isPunct(p[0], "...")) {
                String spread = ts.span(p[0], p[1]).text(ts.src);
                unknown.add(spread);
                problems.add(new Problem(ts.span(p[0], p[1]), spread + ": the columns it adds are not known"));
                continue;
            }
            DrizzleColumn c = column(p[0], p[1]);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The {@code {} of the columns: the argument itself, or the body of an arrow function. */
    private int objectOpen(int a, int b) {
        if (ts.isPunct(a, "{") && ts.partner(a) == b - 1) {
            return a;
        }
        int arrow = ts.find(a, b, "=>");
        if (arrow < 0) {
            return -1;
        }
        builderParam = ts.isIdent(a) ? ts.text(a) : ts.isPunct(a, "(") && ts.isIdent(a + 1) ? ts.text(a + 1) : null;
        return bodyObject(arrow + 1, b);
    }

    /** The object an arrow body yields: {@code ({…})}, {@code {…}} treated as a block with {@code return {…}}. */
    int bodyObject(int a, int b) {
        if (ts.isPunct(a, "(") && ts.isPunct(a + 1, "{") && ts.partner(a) == b - 1) {
            return a + 1;
        }
        if (ts.isPunct(a, "{") && ts.partner(a) == b - 1) {
            for (int i = a + 1; i < b - 1; i = ts.next(i, b)) {
                if (ts.isIdent(i, "return")) {
                    return ts.isPunct(i + 1, "{") ? i + 1 : ts.isPunct(i + 1, "(") && ts.isPunct(i + 2, "{") ? i + 2 : -1;
                }
            }
        }
        return -1;
    }

    private DrizzleColumn column(int a, int b) {
        boolean keyOk = (ts.isIdent(a) || ts.tok(a).is(TsTokenKind.STRING)) && ts.isPunct(a + 1, ":");
        if (!keyOk) {
            problems.add(new Problem(ts.span(a, b), "not a `key: builder(…)` column: skipped"));
            return null;
        }
        String key = ts.tok(a).is(TsTokenKind.STRING) ? ts.string(a) : ts.text(a);
        Span keySpan = ts.tok(a).span();
        int v = a + 2;
        int calleeEnd = reader.dottedEnd(v);
        int open = ts.skipTypeArgs(calleeEnd, b);
        if (calleeEnd == v || !ts.isPunct(open, "(") || ts.partner(open) < 0 || ts.partner(open) >= b) {
            problems.add(new Problem(ts.span(v, b), "column `" + key + "` is not a builder call: its name and "
                    + "type are not known; the key is taken as its name"));
            return new DrizzleColumn(key, keySpan, ts.span(a, b), key, ts.span(v, b).text(ts.src), ts.span(v, b),
                    null, null, false, false, false, false, List.of(), null, null, null);
        }
        String builder = reader.dotted(v, calleeEnd);
        int close = ts.partner(open);
        Builder call = builderArgs(key, open, close);
        Chain chain = chain(key, close + 1, b);
        String type = sqlType(builder, call.options, ts.span(v, close + 1));
        if (type != null && chain.array) {
            type = type + "[]";
        }
        return new DrizzleColumn(key, keySpan, ts.span(a, b), call.name != null ? call.name : key, builder,
                ts.span(v, close + 1), call.nameArg, type, chain.pk, chain.notNull || chain.pk, chain.unique, false,
                chain.modifiers, chain.refTable, chain.refKey, null);
    }

    /** The name argument (a string first) and the options object (first or second). */
    private record Builder(String name, Span nameArg, Map<String, String> options) {
    }

    private Builder builderArgs(String key, int open, int close) {
        List<int[]> args = ts.split(open + 1, close);
        String name = null;
        Span nameArg = null;
        int optionsAt = 0;
        if (!args.isEmpty() && !ts.isPunct(args.get(0)[0], "{")) {
            int[] first = args.get(0);
            name = first[1] - first[0] == 1 ? ts.string(first[0]) : null;
            nameArg = ts.span(first[0], first[1]);
            optionsAt = 1;
            if (name == null) {
                problems.add(new Problem(nameArg, "column `" + key + "`: the name is not a string literal; "
                        + "the key is taken as its name"));
            }
        }
        Map<String, String> options = new HashMap<>();
        if (args.size() > optionsAt) {
            reader.objectProps(args.get(optionsAt)[0]).forEach((k, r) -> options.put(k, reader.valueText(r)));
        }
        return new Builder(name, nameArg, options);
    }

    private String sqlType(String builder, Map<String, String> options, Span call) {
        String last = DrizzleSchemaReader.lastSegment(builder);
        boolean member = builder.contains(".");
        String viaParam = member && builderParam != null && builder.equals(builderParam + "." + last) ? last : null;
        String pg = viaParam != null ? viaParam : member ? null : reader.pgCoreName(builder);
        if (pg != null && DrizzleBuilders.TYPES.containsKey(pg)) {
            return DrizzleBuilders.sqlType(DrizzleBuilders.TYPES.get(pg), options);
        }
        String declared = member ? null : reader.declaredType(builder);
        if (declared == null) {
            problems.add(new Problem(call, "`" + builder + "` is not a drizzle-orm/pg-core column builder, nor a "
                    + "pgEnum or customType this reader knows: the column's SQL type is not known"));
        }
        return declared;
    }

    /** What the modifiers after the builder say. */
    private static final class Chain {
        final List<DrizzleColumn.Modifier> modifiers = new ArrayList<>();
        boolean pk;
        boolean notNull;
        boolean unique;
        boolean array;
        String refTable;
        String refKey;
    }

    private Chain chain(String key, int i, int b) {
        Chain c = new Chain();
        while (i < b) {
            if (!ts.isPunct(i, ".") || !ts.isIdent(i + 1)) {
                problems.add(new Problem(ts.span(i, b), "column `" + key + "`: unexpected `"
                        + ts.span(i, b).text(ts.src) + "` after the builder; ignored"));
                return c;
            }
            String name = ts.text(i + 1);
            int open = ts.skipTypeArgs(i + 2, b);
            int close = ts.isPunct(open, "(") ? ts.partner(open) : -1;
            if (close < 0 || close >= b) {
                problems.add(new Problem(ts.span(i, b), "column `" + key + "`: `." + name + "` is not a call; ignored"));
                return c;
            }
            c.modifiers.add(new DrizzleColumn.Modifier(name, ts.span(i, close + 1)));
            modifier(c, key, name, open, close);
            i = close + 1;
        }
        return c;
    }

    private void modifier(Chain c, String key, String name, int open, int close) {
        switch (name) {
            case "primaryKey" -> c.pk = true;
            case "notNull" -> c.notNull = true;
            case "unique" -> c.unique = true;
            case "array" -> c.array = true;
            case "references" -> reference(c, key, open, close);
            default -> {
                if (!DrizzleBuilders.KNOWN_MODIFIERS.contains(name)) {
                    problems.add(new Problem(ts.span(open - 1, close + 1), "column `" + key + "`: modifier `."
                            + name + "()` is not known; ignored"));
                }
            }
        }
    }

    /** {@code .references(() => users.id, {…})}: the first {@code x.y} after the arrow. */
    private void reference(Chain c, String key, int open, int close) {
        List<int[]> args = ts.split(open + 1, close);
        int arrow = args.isEmpty() ? -1 : ts.find(args.get(0)[0], args.get(0)[1], "=>");
        for (int i = arrow + 1; arrow >= 0 && i + 2 < args.get(0)[1]; i++) {
            if (ts.isIdent(i) && ts.isPunct(i + 1, ".") && ts.isIdent(i + 2)) {
                c.refTable = ts.text(i);
                c.refKey = ts.text(i + 2);
                return;
            }
        }
        problems.add(new Problem(ts.span(open, close + 1), "column `" + key + "`: the referenced column is not "
                + "`() => table.column`"));
    }
}
