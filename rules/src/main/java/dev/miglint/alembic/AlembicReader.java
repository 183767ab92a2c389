package dev.miglint.alembic;

import dev.miglint.python.Arg;
import dev.miglint.python.PySource;
import dev.miglint.python.PyToken;
import dev.miglint.python.PyTokenKind;
import dev.miglint.python.PyValue;
import dev.miglint.text.Problem;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an Alembic revision file: the module-level headers, {@code upgrade()}/{@code downgrade()},
 * and every call on {@code op}, on a {@code batch_alter_table} alias, or on a connection from
 * {@code op.get_bind()}. It works on logical lines and indentation, not on a full Python grammar, so
 * it cannot be thrown off by code it does not model; it never throws on user input.
 */
public final class AlembicReader {

    /** What {@link #read} found: a revision file, or a module that is not one. */
    public sealed interface Result permits RevisionFile, NotARevision {
        List<Problem> problems();
    }

    /** The module has neither a module-level {@code revision =} nor a {@code def upgrade}. */
    public record NotARevision(List<Problem> problems) implements Result {
    }

    private static final Set<String> HEADERS = Set.of("revision", "down_revision", "branch_labels", "depends_on");
    private static final Set<String> CONDITIONAL_BLOCKS = Set.of("if", "elif", "else", "for", "while", "try",
            "except", "finally");
    private static final Set<String> CONNECTION_PARAMETERS = Set.of("conn", "connection", "bind");
    private static final Set<String> CONNECTION_METHODS = Set.of("execute", "exec_driver_sql");

    private enum FrameKind { FUNCTION, CLASS, WITH, BLOCK }

    /** An open block: a def, class, with or if/for/… whose body lines are still being read. */
    private static final class Frame {
        final FrameKind kind;
        final int level;
        final int start;
        int lastEnd;
        FunctionKind function = FunctionKind.OTHER;
        String name;
        Span nameSpan;
        boolean moduleLevel;
        final Set<String> connections = new HashSet<>();
        int statements;
        int bodyStart = -1;
        boolean docstring;
        boolean code;
        String alias;
        String batchTable;
        boolean batch;
        boolean autocommit;

        Frame(FrameKind kind, int level, int start, int headerEnd) {
            this.kind = kind;
            this.level = level;
            this.start = start;
            this.lastEnd = headerEnd;
        }
    }

    private final PySource source;
    private final String src;
    private final List<PyToken> sig;
    private final List<PyToken> comments;
    private final List<Problem> problems;
    private final List<OpCall> calls = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();
    private final Map<String, Header> headers = new LinkedHashMap<>();
    private final Set<String> moduleConnections = new HashSet<>();
    private FunctionDef upgrade;
    private FunctionDef downgrade;

    private AlembicReader(String src) {
        this.source = new PySource(src);
        this.src = src;
        this.sig = source.sig;
        this.comments = source.comments;
        this.problems = source.problems;
    }

    public static Result read(String text) {
        AlembicReader r = new AlembicReader(text);
        r.run();
        return r.result();
    }

    private void run() {
        for (PySource.Line l : source.lines) {
            line(l.level(), l.a(), l.b());
        }
        while (!frames.isEmpty()) {
            popFrame();
        }
    }

    // ---- logical lines and blocks

    private void line(int level, int a, int b) {
        while (!frames.isEmpty() && frames.get(frames.size() - 1).level >= level) {
            popFrame();
        }
        int kw = sig.get(a).isName(src, "async") && a + 1 < b ? a + 1 : a;
        String keyword = sig.get(kw).kind() == PyTokenKind.NAME ? sig.get(kw).text(src) : "";
        int colon = isCompound(keyword) ? headerColon(kw + 1, b) : -1;
        if (colon < 0) {
            simple(a, b);
        } else {
            noteStatement(a, colon, true);
            frames.add(openFrame(keyword, level, a, kw, colon));
            if (colon + 1 < b) {
                simple(colon + 1, b);
            }
        }
        int end = sig.get(b - 1).end();
        for (Frame f : frames) {
            f.lastEnd = end;
        }
    }

    private static boolean isCompound(String keyword) {
        return CONDITIONAL_BLOCKS.contains(keyword) || keyword.equals("def") || keyword.equals("class")
                || keyword.equals("with");
    }

    /** The colon ending a compound statement's header: the first one outside brackets. */
    private int headerColon(int from, int to) {
        for (int i = from; i < to; i++) {
            PyToken t = sig.get(i);
            if (t.depth() == 0 && t.isOp(src, ":")) {
                return i;
            }
        }
        return -1;
    }

    private Frame openFrame(String keyword, int level, int a, int kw, int colon) {
        Frame f;
        switch (keyword) {
            case "def" -> f = openDef(level, a, kw, colon);
            case "class" -> f = new Frame(FrameKind.CLASS, level, sig.get(a).start(), sig.get(colon).end());
            case "with" -> f = openWith(level, a, kw, colon);
            default -> {
                f = new Frame(FrameKind.BLOCK, level, sig.get(a).start(), sig.get(colon).end());
                scanCalls(kw + 1, colon);
            }
        }
        return f;
    }

    private Frame openDef(int level, int a, int kw, int colon) {
        Frame f = new Frame(FrameKind.FUNCTION, level, sig.get(a).start(), sig.get(colon).end());
        f.moduleLevel = frames.isEmpty();
        Frame outer = innermost(FrameKind.FUNCTION);
        PyToken name = kw + 1 < colon ? sig.get(kw + 1) : null;
        if (name != null && name.is(PyTokenKind.NAME)) {
            f.name = name.text(src);
            f.nameSpan = name.span();
        }
        if (outer != null) {
            f.function = outer.function;
        } else if (f.moduleLevel && "upgrade".equals(f.name)) {
            f.function = FunctionKind.UPGRADE;
        } else if (f.moduleLevel && "downgrade".equals(f.name)) {
            f.function = FunctionKind.DOWNGRADE;
        }
        // Helpers written as def _backfill(conn): receive the connection as a parameter.
        for (int i = kw + 2; i < colon; i++) {
            PyToken t = sig.get(i);
            if (t.depth() == 1 && t.is(PyTokenKind.NAME) && CONNECTION_PARAMETERS.contains(t.text(src))
                    && (sig.get(i - 1).isOp(src, "(") || sig.get(i - 1).isOp(src, ","))) {
                f.connections.add(t.text(src));
            }
        }
        return f;
    }

    /** {@code with a as x, b:} and {@code with (a as x, b):}: each item may be a batch or autocommit. */
    private Frame openWith(int level, int a, int kw, int colon) {
        Frame f = new Frame(FrameKind.WITH, level, sig.get(a).start(), sig.get(colon).end());
        int from = kw + 1;
        int to = colon;
        if (from < to && sig.get(from).isOp(src, "(") && source.partner(from) == to - 1) {
            from++;
            to--;
        }
        for (int[] item : split(from, to)) {
            withItem(f, item[0], item[1]);
        }
        scanCalls(kw + 1, colon);
        return f;
    }

    private void withItem(Frame f, int a, int b) {
        int as = -1;
        for (int i = a; i < b; i = next(i, b)) {
            if (sig.get(i).isName(src, "as")) {
                as = i;
            }
        }
        int exprEnd = as < 0 ? b : as;
        if (matches(a, exprEnd, "op", ".", "batch_alter_table", "(") && source.partner(a + 3) == exprEnd - 1) {
            f.batch = true;
            PyValue table = new PyValue.Call(span(a, exprEnd), "op.batch_alter_table", span(a, a + 3),
                    args(a + 4, exprEnd - 1, 0)).positional(0).map(Arg::value).orElse(null);
            f.batchTable = table == null ? null : table.string().orElse(null);
            if (as >= 0 && as + 1 < b && sig.get(as + 1).is(PyTokenKind.NAME)) {
                f.alias = sig.get(as + 1).text(src);
            }
        } else if (matches(a, exprEnd, "op", ".", "get_context", "(", ")", ".", "autocommit_block", "(", ")")) {
            f.autocommit = true;
        }
    }

    private void popFrame() {
        Frame f = frames.remove(frames.size() - 1);
        if (f.kind != FrameKind.FUNCTION || !f.moduleLevel || f.function == FunctionKind.OTHER) {
            return;
        }
        FunctionDef def = new FunctionDef(f.name, new Span(f.start, f.lastEnd), f.nameSpan,
                f.bodyStart < 0 ? new Span(f.lastEnd, f.lastEnd) : new Span(f.bodyStart, f.lastEnd), bodyKind(f));
        if ((f.function == FunctionKind.UPGRADE ? upgrade : downgrade) != null) {
            problems.add(new Problem(f.nameSpan, f.name + "() is defined more than once; the last one counts"));
        }
        if (f.function == FunctionKind.UPGRADE) {
            upgrade = def;
        } else {
            downgrade = def;
        }
    }

    private static FunctionDef.BodyKind bodyKind(Frame f) {
        if (f.statements == 0) {
            return FunctionDef.BodyKind.NONE;
        }
        if (f.code) {
            return FunctionDef.BodyKind.CODE;
        }
        return f.docstring ? FunctionDef.BodyKind.DOCSTRING : FunctionDef.BodyKind.PASS;
    }

    // ---- simple statements

    private void simple(int a, int b) {
        for (int[] s : statements(a, b)) {
            noteStatement(s[0], s[1], false);
            if (frames.isEmpty()) {
                header(s[0], s[1]);
            }
            binding(s[0], s[1]);
            scanCalls(s[0], s[1]);
        }
    }

    /** Statements separated by {@code ;} outside brackets. */
    private List<int[]> statements(int a, int b) {
        List<int[]> out = new ArrayList<>();
        int from = a;
        for (int i = a; i < b; i = next(i, b)) {
            if (sig.get(i).isOp(src, ";")) {
                out.add(new int[] {from, i});
                from = i + 1;
            }
        }
        out.add(new int[] {from, b});
        out.removeIf(s -> s[0] >= s[1]);
        return out;
    }

    /** Counts a statement directly in a function body, to tell a no-op body from real code. */
    private void noteStatement(int a, int b, boolean compound) {
        Frame f = frames.isEmpty() ? null : frames.get(frames.size() - 1);
        if (f == null || f.kind != FrameKind.FUNCTION) {
            return;
        }
        f.statements++;
        if (f.bodyStart < 0) {
            f.bodyStart = sig.get(a).start();
        }
        boolean pass = b - a == 1 && (sig.get(a).isName(src, "pass") || sig.get(a).isOp(src, "..."));
        boolean docstring = !compound && f.statements == 1 && allStrings(a, b);
        if (docstring) {
            f.docstring = true;
        } else if (!pass) {
            f.code = true;
        }
    }

    private void header(int a, int b) {
        PyToken name = sig.get(a);
        int value = assignedValue(a, b);
        if (!name.is(PyTokenKind.NAME) || !HEADERS.contains(name.text(src)) || value < 0) {
            return;
        }
        Header h = new Header(name.text(src), span(a, b), value(value, b, 0));
        if (headers.put(h.name(), h) != null) {
            problems.add(new Problem(h.span(), h.name() + " is assigned more than once; the last one counts"));
        }
    }

    /** Index after the {@code =} of {@code NAME = …} or {@code NAME: annotation = …}, else -1. */
    private int assignedValue(int a, int b) {
        if (a + 2 > b || !sig.get(a).is(PyTokenKind.NAME)) {
            return -1;
        }
        if (sig.get(a + 1).isOp(src, "=")) {
            return a + 2;
        }
        if (!sig.get(a + 1).isOp(src, ":")) {
            return -1;
        }
        for (int i = a + 2; i < b; i = next(i, b)) {
            if (sig.get(i).isOp(src, "=")) {
                return i + 1;
            }
        }
        return -1;
    }

    /** {@code conn = op.get_bind()} or {@code conn = op.get_context().bind}: conn is a connection now. */
    private void binding(int a, int b) {
        int v = assignedValue(a, b);
        if (v < 0) {
            return;
        }
        boolean bind = matches(v, b, "op", ".", "get_bind", "(", ")") && v + 5 == b
                || matches(v, b, "op", ".", "get_context", "(", ")", ".", "bind") && v + 7 == b
                || matches(v, b, "op", ".", "get_context", "(", ")", ".", "connection") && v + 7 == b;
        if (!bind) {
            return;
        }
        Frame f = innermost(FrameKind.FUNCTION);
        (f == null ? moduleConnections : f.connections).add(sig.get(a).text(src));
    }

    // ---- calls

    private void scanCalls(int a, int b) {
        int i = a;
        while (i < b) {
            i = isCallStart(a, i, b) ? recordCall(i, b) : i + 1;
        }
    }

    private boolean isCallStart(int a, int i, int b) {
        return i + 3 < b && sig.get(i).is(PyTokenKind.NAME) && (i == a || !sig.get(i - 1).isOp(src, "."))
                && sig.get(i + 1).isOp(src, ".") && sig.get(i + 2).is(PyTokenKind.NAME)
                && sig.get(i + 3).isOp(src, "(") && receiverKind(sig.get(i).text(src), sig.get(i + 2)) != null;
    }

    private ReceiverKind receiverKind(String name, PyToken method) {
        if (name.equals("op")) {
            return ReceiverKind.OP;
        }
        if (withAlias(name) != null) {
            return ReceiverKind.BATCH;
        }
        boolean sql = CONNECTION_METHODS.contains(method.text(src));
        return sql && isConnection(name) ? ReceiverKind.CONNECTION : null;
    }

    /** Records the call at {@code i} and a {@code .execute(…)} chained on {@code op.get_bind()}. */
    private int recordCall(int i, int b) {
        String receiver = sig.get(i).text(src);
        int end = call(i, i + 2, receiver, receiverKind(receiver, sig.get(i + 2)), b);
        boolean bind = receiver.equals("op") && sig.get(i + 2).isName(src, "get_bind");
        if (bind && end + 2 < b && sig.get(end).isOp(src, ".") && sig.get(end + 2).isOp(src, "(")
                && CONNECTION_METHODS.contains(sig.get(end + 1).text(src))) {
            end = call(i, end + 1, src.substring(sig.get(i).start(), sig.get(end - 1).end()),
                    ReceiverKind.CONNECTION, b);
        }
        return end;
    }

    /** One call whose receiver starts at {@code r} and whose method name is at {@code m}; returns the index after it. */
    private int call(int r, int m, String receiver, ReceiverKind kind, int b) {
        int open = m + 1;
        int close = source.partner(open) > open && source.partner(open) < b ? source.partner(open) : b;
        int last = close < b ? close : b - 1;
        Frame batch = kind == ReceiverKind.BATCH ? withAlias(receiver) : null;
        Frame function = innermost(FrameKind.FUNCTION);
        calls.add(new OpCall(receiver, kind, sig.get(m).text(src), sig.get(m).span(), span(r, last + 1),
                function == null ? FunctionKind.OTHER : function.function,
                batch == null ? null : batch.batchTable, inAutocommit(), nesting(), args(open + 1, close, 0)));
        return last + 1;
    }

    private Frame withAlias(String name) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            Frame f = frames.get(i);
            if (f.kind == FrameKind.WITH && f.batch && name.equals(f.alias)) {
                return f;
            }
        }
        return null;
    }

    private boolean isConnection(String name) {
        if (moduleConnections.contains(name)) {
            return true;
        }
        return frames.stream().anyMatch(f -> f.connections.contains(name));
    }

    private boolean inAutocommit() {
        return frames.stream().anyMatch(f -> f.autocommit);
    }

    /** Conditional or loop blocks between the call and its function. */
    private int nesting() {
        int n = 0;
        for (int i = frames.size() - 1; i >= 0 && frames.get(i).kind != FrameKind.FUNCTION; i--) {
            n += frames.get(i).kind == FrameKind.BLOCK ? 1 : 0;
        }
        return n;
    }

    private Frame innermost(FrameKind kind) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (frames.get(i).kind == kind) {
                return frames.get(i);
            }
        }
        return null;
    }

    // ---- expressions and tokens: the shared reader

    private List<Arg> args(int a, int b, int depth) {
        return source.args(a, b, depth);
    }

    private PyValue value(int a, int b, int depth) {
        return source.value(a, b, depth);
    }

    /** Comma-separated parts of {@code [a, b)}, brackets skipped whole; empty parts are dropped. */
    private List<int[]> split(int a, int b) {
        return source.split(a, b, ",");
    }

    private int next(int i, int b) {
        return source.next(i, b);
    }

    private boolean allStrings(int a, int b) {
        return source.allStrings(a, b);
    }

    /** True when the tokens from {@code a} spell {@code texts} exactly (names and operators alike). */
    private boolean matches(int a, int b, String... texts) {
        if (a + texts.length > b) {
            return false;
        }
        for (int k = 0; k < texts.length; k++) {
            PyToken t = sig.get(a + k);
            if (t.isString() || !t.is(src, texts[k])) {
                return false;
            }
        }
        return true;
    }

    private Span span(int a, int b) {
        return source.span(a, b);
    }

    // ---- result

    private Result result() {
        Header revision = headers.get("revision");
        if (revision == null && upgrade == null) {
            return new NotARevision(List.copyOf(problems));
        }
        checkHeaders(revision, headers.get("down_revision"));
        if (upgrade == null) {
            problems.add(new Problem(new Span(0, 0), "no module-level def upgrade()"));
        }
        return new RevisionFile(revision, headers.get("down_revision"), headers.get("branch_labels"),
                headers.get("depends_on"), upgrade, downgrade, List.copyOf(calls), List.copyOf(comments),
                List.copyOf(problems));
    }

    private void checkHeaders(Header revision, Header down) {
        if (revision == null) {
            problems.add(new Problem(new Span(0, 0), "no module-level revision = \"…\""));
        } else if (revision.value().string().isEmpty()) {
            problems.add(new Problem(revision.span(), "revision is not a string literal"));
        }
        if (down == null) {
            problems.add(new Problem(new Span(0, 0), "no module-level down_revision = …"));
        } else if (!down.isNone() && !isIdList(down.value())) {
            problems.add(new Problem(down.span(), "down_revision is not a string, a tuple of strings or None"));
        }
    }

    private static boolean isIdList(PyValue v) {
        if (v.string().isPresent()) {
            return true;
        }
        List<PyValue> items = v instanceof PyValue.TupleLit t ? t.items()
                : v instanceof PyValue.ListLit l ? l.items() : null;
        return items != null && !items.isEmpty() && items.stream().allMatch(i -> i.string().isPresent());
    }
}
