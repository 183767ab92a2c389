package dev.miglint.models;

import dev.miglint.python.Arg;
import dev.miglint.python.PySource;
import dev.miglint.python.PyTokenKind;
import dev.miglint.python.PyValue;
import dev.miglint.text.Problem;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the table declarations of a Python module: SQLModel {@code table=True} classes and SQLAlchemy
 * declarative classes (1.x {@code Column}, 2.0 {@code Mapped}/{@code mapped_column}), with the fields
 * they inherit from base classes of the same module. Only module-level classes are read. Works on
 * logical lines and indentation; never throws on user input.
 */
public final class ModelReader {

    /** Bases that add no columns: the library roots and the usual name of a declarative base. */
    private static final Set<String> ROOTS = Set.of("SQLModel", "BaseModel", "Base", "DeclarativeBase",
            "DeclarativeBaseNoMeta", "MappedAsDataclass", "AsyncAttrs", "object", "Model", "db.Model");
    /** Pydantic settings and names SQLModel never turns into columns. */
    private static final Set<String> NOT_FIELDS = Set.of("model_config", "metadata", "registry");

    /** A module-level class as written, before inheritance is resolved. */
    private record ClassDecl(String name, Span nameSpan, List<String> bases, boolean tableFlag, String tableName,
                             boolean abstractClass, List<Stmt> stmts) {
    }

    /** A class-body assignment: {@code name[: annotation][= value]}. */
    private record Stmt(String name, Span nameSpan, Span span, Span annotation, PyValue value) {
    }

    private final PySource py;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, ClassDecl> classes = new LinkedHashMap<>();
    private Span firstClass;

    private ModelReader(String text) {
        py = new PySource(text);
    }

    public static ModelFile read(String text) {
        ModelReader r = new ModelReader(text);
        r.readClasses();
        List<ModelTable> tables = r.tables();
        List<Problem> all = new ArrayList<>(r.py.problems);
        all.addAll(r.problems);
        return new ModelFile(tables, r.firstClass, all);
    }

    // ---- classes as written

    private void readClasses() {
        List<PySource.Line> lines = py.lines;
        for (int i = 0; i < lines.size(); i++) {
            PySource.Line line = lines.get(i);
            if (line.level() != 0 || !py.isName(line.a(), "class")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && lines.get(end).level() > 0) {
                end++;
            }
            ClassDecl c = classDecl(line, lines.subList(i + 1, end));
            if (c != null) {
                firstClass = firstClass == null ? c.nameSpan() : firstClass;
                classes.put(c.name(), c);
            }
        }
    }

    private ClassDecl classDecl(PySource.Line header, List<PySource.Line> body) {
        int a = header.a();
        int b = header.b();
        int colon = py.find(a + 1, b, ":");
        if (a + 1 >= b || colon < 0 || !py.tok(a + 1).is(PyTokenKind.NAME)) {
            problems.add(new Problem(py.span(a, b), "class statement not understood"));
            return null;
        }
        List<String> bases = new ArrayList<>();
        boolean table = false;
        if (py.isOp(a + 2, "(") && py.isOp(colon - 1, ")")) {
            for (Arg arg : py.args(a + 3, colon - 1, 0)) {
                table |= "table".equals(arg.keyword()) && arg.value() instanceof PyValue.BoolLit t && t.value();
                if (arg.isPositional()) {
                    bases.add(arg.value() instanceof PyValue.Name n ? n.dotted() : arg.span().text(py.src));
                }
            }
        }
        List<Stmt> stmts = new ArrayList<>();
        if (colon + 1 < b) {
            statements(colon + 1, b, stmts);
        }
        for (PySource.Line line : body) {
            if (line.level() == 1) {
                statements(line.a(), line.b(), stmts);
            }
        }
        return finish(py.text(a + 1), py.tok(a + 1).span(), bases, table, stmts);
    }

    private ClassDecl finish(String name, Span nameSpan, List<String> bases, boolean table, List<Stmt> stmts) {
        String tableName = null;
        boolean abstractClass = false;
        List<Stmt> fields = new ArrayList<>();
        for (Stmt s : stmts) {
            if (s.name().equals("__tablename__")) {
                tableName = tableName(s);
            } else if (s.name().equals("__abstract__")) {
                abstractClass = s.value() instanceof PyValue.BoolLit v && v.value();
            } else if (!s.name().startsWith("__")) {
                fields.add(s);
            }
        }
        return new ClassDecl(name, nameSpan, bases, table, tableName, abstractClass, fields);
    }

    private String tableName(Stmt s) {
        if (s.value() != null && s.value().string().isPresent()) {
            return s.value().string().get();
        }
        problems.add(new Problem(s.span(), "__tablename__ is not a string literal"));
        return null;
    }

    private void statements(int a, int b, List<Stmt> out) {
        for (int[] s : py.split(a, b, ";")) {
            Stmt stmt = statement(s[0], s[1]);
            if (stmt != null) {
                out.add(stmt);
            }
        }
    }

    /** {@code name: ann}, {@code name: ann = value} or {@code name = value}; anything else is not a field. */
    private Stmt statement(int a, int b) {
        if (b - a < 2 || !py.tok(a).is(PyTokenKind.NAME)) {
            return null;
        }
        String name = py.text(a);
        Span span = py.span(a, b);
        if (py.isOp(a + 1, "=")) {
            return py.find(a + 2, b, "=") >= 0 ? null : new Stmt(name, py.tok(a).span(), span, null, py.value(a + 2, b));
        }
        if (!py.isOp(a + 1, ":")) {
            return null;
        }
        int eq = py.find(a + 2, b, "=");
        int annEnd = eq < 0 ? b : eq;
        if (annEnd <= a + 2) {
            problems.add(new Problem(span, "annotation missing"));
            return null;
        }
        return new Stmt(name, py.tok(a).span(), span, py.span(a + 2, annEnd), eq < 0 ? null : py.value(eq + 1, b));
    }

    // ---- tables

    private List<ModelTable> tables() {
        List<ModelTable> out = new ArrayList<>();
        for (ClassDecl c : classes.values()) {
            // Only SQLModel takes table=True, so it marks a SQLModel class even when its base is imported.
            boolean sqlModel = c.tableFlag() || isSqlModel(c, new HashSet<>());
            if (sqlModel ? c.tableFlag() : c.tableName() != null && !c.abstractClass()) {
                out.add(table(c, sqlModel));
            }
        }
        return out;
    }

    private boolean isSqlModel(ClassDecl c, Set<String> seen) {
        if (!seen.add(c.name())) {
            return false;
        }
        for (String base : c.bases()) {
            if (base.equals("SQLModel") || base.endsWith(".SQLModel")) {
                return true;
            }
            ClassDecl inFile = classes.get(base);
            if (inFile != null && isSqlModel(inFile, seen)) {
                return true;
            }
        }
        return false;
    }

    private ModelTable table(ClassDecl c, boolean sqlModel) {
        Map<String, Stmt> fields = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        collect(c, fields, unknown, new HashSet<>());
        String tableName = c.tableName() != null ? c.tableName()
                : sqlModel ? c.name().toLowerCase(Locale.ROOT) : null;
        FieldReader reader = new FieldReader(py.src, problems);
        List<ModelColumn> columns = new ArrayList<>();
        for (Stmt s : fields.values()) {
            ModelColumn col = sqlModel ? reader.sqlModelField(s.name(), s.nameSpan(), s.span(), s.annotation(), s.value())
                    : reader.sqlAlchemyField(s.name(), s.nameSpan(), s.span(), s.annotation(), s.value());
            if (col != null) {
                columns.add(col);
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(new Problem(c.nameSpan(), c.name() + " inherits from " + String.join(", ", unknown)
                    + ", defined outside this file: the columns it adds are not known"));
        }
        return new ModelTable(c.name(), tableName, c.nameSpan(), columns, unknown);
    }

    /** Fields of the bases first (Python reads them in reverse MRO order), then the class's own, which override. */
    private void collect(ClassDecl c, Map<String, Stmt> fields, List<String> unknown, Set<String> seen) {
        if (!seen.add(c.name())) {
            return;
        }
        for (int i = c.bases().size() - 1; i >= 0; i--) {
            String base = c.bases().get(i);
            ClassDecl inFile = classes.get(base);
            if (inFile != null && inFile != c) {
                collect(inFile, fields, unknown, seen);
            } else if (!isRoot(base) && !unknown.contains(base)) {
                unknown.add(base);
            }
        }
        for (Stmt s : c.stmts()) {
            if (!NOT_FIELDS.contains(s.name())) {
                fields.put(s.name(), s);
            }
        }
    }

    /** A library root adds no columns; neither does {@code Generic[T]}. */
    private static boolean isRoot(String base) {
        return ROOTS.contains(base) || ROOTS.contains(lastSegment(base)) || base.contains("[");
    }

    static String lastSegment(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }
}
