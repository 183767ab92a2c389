package dev.miglint.drizzle.schema;

import dev.miglint.models.ModelFile;
import dev.miglint.text.Problem;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code pgTable} declarations of a Drizzle schema file: columns with their database names,
 * SQL types, keys and references, table-level primary keys, foreign keys and indexes. Only top-level
 * {@code const} declarations are read. What it cannot follow becomes a problem; it never throws.
 */
public final class DrizzleSchemaReader {

    public static final String PG_CORE = "drizzle-orm/pg-core";
    private static final Pattern IGNORE = Pattern.compile(
            "^(?://|/\\*)\\s*miglint-ignore(-file)?(?=[\\s:]|$)\\s*([^:*]*?)\\s*(?::\\s*(.*?))?\\s*(?:\\*/)?\\s*$",
            Pattern.DOTALL);

    /** A top-level {@code const name = callee<…>(args)}; indices are significant-token indices. */
    private record Decl(String name, int nameAt, int start, String callee, int open, int close) {
    }

    private final TsSource ts;
    private final String src;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> types = new LinkedHashMap<>();
    private final Map<String, String> knownTypes;
    private final Map<String, String> schemas = new HashMap<>();
    private PgCoreImport pgCore;

    private DrizzleSchemaReader(String text, Map<String, String> knownTypes) {
        ts = new TsSource(text);
        src = text;
        this.knownTypes = knownTypes;
    }

    /** The file's tables as the records the model rules compare. */
    public static ModelFile read(String text) {
        return parse(text).toModelFile();
    }

    public static DrizzleSchema parse(String text) {
        return parse(text, Map.of());
    }

    /**
     * Reads a file whose columns may use enums and custom types declared in other files of the project:
     * {@code knownTypes} maps their const names to SQL type names. References are resolved within the file;
     * {@link DrizzleProject} resolves them across files.
     */
    public static DrizzleSchema parse(String text, Map<String, String> knownTypes) {
        DrizzleSchemaReader r = new DrizzleSchemaReader(text, knownTypes);
        List<Decl> decls = r.declarations();
        r.readImport();
        decls.forEach(r::readType);
        List<DrizzleTable> tables = new ArrayList<>();
        for (Decl d : decls) {
            DrizzleTable t = r.readTable(d);
            if (t != null) {
                tables.add(t);
            }
        }
        List<Problem> all = new ArrayList<>(r.ts.problems);
        all.addAll(r.problems);
        Map<String, DrizzleTable> byConst = new HashMap<>();
        tables.forEach(t -> byConst.put(t.constName(), t));
        return new DrizzleSchema(text, resolve(tables, byConst), r.types, r.pgCore, r.ignores(), all);
    }

    /** Fills each column's {@code references} from the consts it names, where {@code byConst} knows them. */
    static List<DrizzleTable> resolve(List<DrizzleTable> tables, Map<String, DrizzleTable> byConst) {
        List<DrizzleTable> out = new ArrayList<>();
        for (DrizzleTable t : tables) {
            List<DrizzleColumn> columns = new ArrayList<>();
            for (DrizzleColumn c : t.columns()) {
                DrizzleTable target = c.refTable() == null ? null : byConst.get(c.refTable());
                DrizzleColumn col = target == null ? null : target.column(c.refKey());
                columns.add(col == null || target.tableName() == null ? c
                        : c.withReference(c.refTable(), c.refKey(), target.schemaKey() + "." + col.name()));
            }
            out.add(t.withColumns(columns));
        }
        return out;
    }

    // ---- top level

    private List<Decl> declarations() {
        List<Decl> out = new ArrayList<>();
        for (int i = 0; i < ts.size(); i = ts.next(i, ts.size())) {
            boolean keyword = ts.isIdent(i, "const") || ts.isIdent(i, "let") || ts.isIdent(i, "var");
            if (!keyword || !ts.isIdent(i + 1) || !ts.isPunct(i + 2, "=")) {
                continue;
            }
            int start = ts.isIdent(i - 1, "export") ? i - 1 : i;
            int calleeEnd = dottedEnd(i + 3);
            int open = ts.skipTypeArgs(calleeEnd, ts.size());
            if (calleeEnd > i + 3 && ts.isPunct(open, "(") && ts.partner(open) > open) {
                out.add(new Decl(ts.text(i + 1), i + 1, start, dotted(i + 3, calleeEnd), open, ts.partner(open)));
            }
        }
        return out;
    }

    /** {@code import { a, b as c } from "drizzle-orm/pg-core"}, including {@code import type}. */
    private void readImport() {
        for (int i = 0; i < ts.size(); i = ts.next(i, ts.size())) {
            if (!ts.isIdent(i, "import")) {
                continue;
            }
            int open = ts.isIdent(i + 1, "type") ? i + 2 : i + 1;
            int close = ts.partner(open);
            if (!ts.isPunct(open, "{") || close < 0 || !ts.isIdent(close + 1, "from")
                    || !PG_CORE.equals(ts.string(close + 2))) {
                continue;
            }
            Map<String, String> names = new LinkedHashMap<>();
            List<Span> specifiers = new ArrayList<>();
            for (int[] p : ts.split(open + 1, close)) {
                specifiers.add(ts.span(p[0], p[1]));
                int a = ts.isIdent(p[0], "type") && p[1] - p[0] > 1 ? p[0] + 1 : p[0];
                boolean alias = p[1] - a == 3 && ts.isIdent(a + 1, "as");
                names.put(ts.text(alias ? a + 2 : a), ts.text(a));
            }
            pgCore = new PgCoreImport(ts.span(open, close + 1), names, specifiers);
            return;
        }
    }

    /** pgEnum, customType and pgSchema consts: what column builders and {@code s.table(…)} refer to. */
    private void readType(Decl d) {
        String fn = pgCoreName(lastSegment(d.callee()));
        String receiver = d.callee().contains(".") ? d.callee().substring(0, d.callee().lastIndexOf('.')) : null;
        if (fn.equals("pgSchema")) {
            String name = ts.string(d.open() + 1);
            if (name != null) {
                schemas.put(d.name(), name);
            }
        } else if (fn.equals("pgEnum") || receiver != null && schemas.containsKey(receiver) && fn.equals("enum")) {
            String name = ts.string(d.open() + 1);
            if (name == null) {
                problems.add(new Problem(ts.span(d.open() + 1, d.close()), "enum name is not a string literal"));
                return;
            }
            types.put(d.name(), receiver != null && !"public".equals(schemas.get(receiver))
                    ? schemas.get(receiver) + "." + name : name);
        } else if (fn.equals("customType")) {
            String type = customDataType(d.open() + 1, d.close());
            if (type != null) {
                types.put(d.name(), type);
            }
        }
    }

    /** The string a customType's {@code dataType()} returns, when it returns a literal. */
    private String customDataType(int a, int b) {
        for (int i = a; i < b; i++) {
            if (!ts.isIdent(i, "dataType")) {
                continue;
            }
            for (int k = i; k < b && k < i + 40; k++) {
                if (ts.isIdent(k, "return") && ts.string(k + 1) != null) {
                    return ts.string(k + 1);
                }
            }
        }
        problems.add(new Problem(ts.span(a, b), "customType dataType() does not return a string literal: "
                + "the SQL type of its columns is not known"));
        return null;
    }

    private DrizzleTable readTable(Decl d) {
        String fn = lastSegment(d.callee());
        String receiver = d.callee().contains(".") ? d.callee().substring(0, d.callee().lastIndexOf('.')) : null;
        boolean schemaTable = receiver != null && schemas.containsKey(receiver) && fn.equals("table");
        if (!schemaTable && !pgCoreName(fn).equals("pgTable")) {
            return null;
        }
        List<int[]> args = ts.split(d.open() + 1, d.close());
        Span constSpan = ts.tok(d.nameAt()).span();
        Span statement = ts.span(d.start(), d.close() + 1);
        String tableName = args.isEmpty() || args.get(0)[1] - args.get(0)[0] != 1 ? null : ts.string(args.get(0)[0]);
        if (tableName == null) {
            problems.add(new Problem(args.isEmpty() ? constSpan : ts.span(args.get(0)[0], args.get(0)[1]),
                    "table name of `" + d.name() + "` is not a string literal: the table is not compared"));
        }
        String schema = schemaTable ? schemas.get(receiver) : null;
        if (args.size() < 2) {
            problems.add(new Problem(constSpan, "pgTable `" + d.name() + "` has no columns object"));
            return new DrizzleTable(d.name(), constSpan, statement, schema, tableName, List.of(), List.of("?"));
        }
        List<String> unknown = new ArrayList<>();
        List<DrizzleColumn> columns = new DrizzleColumnReader(ts, this).columns(args.get(1), unknown, problems);
        if (args.size() > 2) {
            columns = new DrizzleExtraConfig(ts, this, problems).apply(args.get(2), columns);
        }
        return new DrizzleTable(d.name(), constSpan, statement, schema, tableName, columns, unknown);
    }

    private List<DrizzleIgnore> ignores() {
        List<DrizzleIgnore> out = new ArrayList<>();
        for (TsToken c : ts.comments) {
            Matcher m = IGNORE.matcher(c.text(src));
            if (!m.matches()) {
                continue;
            }
            List<String> rules = new ArrayList<>();
            for (String id : m.group(2).split("[,\\s]+")) {
                if (!id.isBlank()) {
                    rules.add(id);
                }
            }
            int next = ts.indexAt(c.end());
            int target = next < ts.size() ? ts.tok(next).start() : src.length();
            out.add(new DrizzleIgnore(c.span(), rules, m.group(3), target, m.group(1) != null));
        }
        return out;
    }

    // ---- shared with the column and extra-config readers

    /** The pg-core export a local name refers to: itself when the file imports nothing under that name. */
    String pgCoreName(String local) {
        return pgCore != null && pgCore.names().containsKey(local) ? pgCore.names().get(local) : local;
    }

    /** The SQL type of a pgEnum or customType const of this file or the project, or null. */
    String declaredType(String constName) {
        String t = types.get(constName);
        return t != null ? t : knownTypes.get(constName);
    }

    int dottedEnd(int a) {
        if (!ts.isIdent(a)) {
            return a;
        }
        int k = a + 1;
        while (ts.isPunct(k, ".") && ts.isIdent(k + 1)) {
            k += 2;
        }
        return k;
    }

    String dotted(int a, int b) {
        StringBuilder sb = new StringBuilder();
        for (int i = a; i < b; i++) {
            sb.append(ts.text(i));
        }
        return sb.toString();
    }

    static String lastSegment(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    /** The top-level {@code key: value} pairs of an object literal {@code {…}} at {@code open}, values as token ranges. */
    Map<String, int[]> objectProps(int open) {
        Map<String, int[]> out = new LinkedHashMap<>();
        int close = ts.partner(open);
        if (!ts.isPunct(open, "{") || close < 0) {
            return out;
        }
        for (int[] p : ts.split(open + 1, close)) {
            String key = ts.tok(p[0]).is(TsTokenKind.STRING) ? ts.string(p[0]) : ts.text(p[0]);
            if (ts.isPunct(p[0] + 1, ":")) {
                out.put(key, new int[] {p[0] + 2, p[1]});
            } else if (p[1] - p[0] == 1) {
                out.put(key, new int[] {p[0], p[1]}); // shorthand {columns}
            }
        }
        return out;
    }

    /** A value as text: a string literal decoded, anything else as written without spaces. */
    String valueText(int[] range) {
        if (range[1] - range[0] == 1 && ts.string(range[0]) != null) {
            return ts.string(range[0]);
        }
        return ts.span(range[0], range[1]).text(src).replaceAll("\\s+", "");
    }

}
