package dev.miglint.models;

import dev.miglint.python.Arg;
import dev.miglint.python.PyValue;
import dev.miglint.python.PyValue.Call;
import dev.miglint.text.Problem;
import dev.miglint.text.Span;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one class-body field into a column, or null when the field is not one (relationships,
 * class variables, private attributes, plain class attributes of a SQLAlchemy class).
 */
final class FieldReader {

    private static final Set<String> COLUMN_CALLS = Set.of("Column", "mapped_column");
    private static final Set<String> FIELD_CALLS = Set.of("Field");
    private static final Set<String> RELATIONSHIP_CALLS = Set.of("Relationship", "relationship");

    /** What a {@code Field(…)} or {@code Column(…)} call declares; null flags mean not said. */
    private record Decl(String name, Boolean primaryKey, String foreignKey, Boolean index, Boolean unique,
                        Boolean nullable) {

        static final Decl NONE = new Decl(null, null, null, null, null, null);

        /** This declaration with {@code inner}'s values where it said something. */
        Decl with(Decl inner) {
            return new Decl(or(inner.name, name), or(inner.primaryKey, primaryKey), or(inner.foreignKey, foreignKey),
                    or(inner.index, index), or(inner.unique, unique), or(inner.nullable, nullable));
        }

        private static <T> T or(T a, T b) {
            return a != null ? a : b;
        }
    }

    private final String src;
    private final List<Problem> problems;

    FieldReader(String src, List<Problem> problems) {
        this.src = src;
        this.problems = problems;
    }

    /** SQLModel: every annotated attribute is a column unless it is a relationship, a ClassVar or private. */
    ModelColumn sqlModelField(String name, Span nameSpan, Span span, Span annotation, PyValue value) {
        if (annotation == null || name.startsWith("_") || isCall(value, RELATIONSHIP_CALLS)) {
            return null;
        }
        PyAnnotation type = PyAnnotation.of(annotation.text(src));
        if (type.core().equals("ClassVar") || type.core().startsWith("ClassVar[")
                || type.core().contains(".ClassVar[")) {
            return null;
        }
        Decl decl = Decl.NONE;
        Boolean columnNullable = null;
        if (value instanceof Call field && isCall(field, FIELD_CALLS)) {
            decl = fieldCall(field);
            Optional<Arg> saColumn = field.keyword("sa_column");
            if (saColumn.isPresent()) {
                Decl column = saColumn(saColumn.get());
                decl = decl.with(column);
                // A Column decides nullability itself: NULL unless primary key or said otherwise.
                columnNullable = column.nullable != null ? column.nullable : !Boolean.TRUE.equals(column.primaryKey);
            }
        }
        boolean pk = Boolean.TRUE.equals(decl.primaryKey);
        Boolean nullable = columnNullable != null ? columnNullable
                : decl.nullable != null ? decl.nullable : !pk && type.optional();
        return column(name, nameSpan, span, annotation, decl, nullable);
    }

    /** SQLAlchemy: {@code Column(…)}, {@code mapped_column(…)} or a bare {@code Mapped[…]} annotation. */
    ModelColumn sqlAlchemyField(String name, Span nameSpan, Span span, Span annotation, PyValue value) {
        PyAnnotation type = annotation == null ? null : PyAnnotation.of(annotation.text(src));
        boolean mapped = type != null && type.mapped();
        if (value == null && !mapped || value != null && !isCall(value, COLUMN_CALLS)) {
            return null;
        }
        Decl decl = value == null ? Decl.NONE : columnCall((Call) value);
        boolean pk = Boolean.TRUE.equals(decl.primaryKey);
        // mapped_column takes nullability from Optional in Mapped[…]; a 1.x Column is NULL by default.
        Boolean nullable = decl.nullable != null ? decl.nullable : pk ? Boolean.FALSE
                : mapped ? Boolean.valueOf(type.optional()) : Boolean.TRUE;
        return column(name, nameSpan, span, annotation, decl, nullable);
    }

    private ModelColumn column(String name, Span nameSpan, Span span, Span annotation, Decl decl, Boolean nullable) {
        return new ModelColumn(decl.name != null ? decl.name : name, nameSpan, span,
                annotation == null ? null : annotation.text(src), annotation, Boolean.TRUE.equals(decl.primaryKey),
                decl.foreignKey, Boolean.TRUE.equals(decl.index), Boolean.TRUE.equals(decl.unique), nullable);
    }

    private Decl fieldCall(Call field) {
        unpacked(field);
        Decl decl = new Decl(null, flag(field, "primary_key"), string(field, "foreign_key"), flag(field, "index"),
                flag(field, "unique"), flag(field, "nullable"));
        Boolean kwNullable = field.keyword("sa_column_kwargs").map(a -> dictFlag(a.value(), "nullable")).orElse(null);
        return kwNullable == null ? decl : decl.with(new Decl(null, null, null, null, null, kwNullable));
    }

    private Decl saColumn(Arg arg) {
        if (arg.value() instanceof Call c && isCall(c, COLUMN_CALLS)) {
            return columnCall(c);
        }
        problems.add(new Problem(arg.span(), "sa_column is not a Column(…) call: its name and flags are not known"));
        return Decl.NONE;
    }

    /** {@code Column("name", Type, ForeignKey("t.id"), primary_key=…, nullable=…, index=…, unique=…)}. */
    private Decl columnCall(Call c) {
        unpacked(c);
        String name = c.positional(0).flatMap(a -> a.value().string()).orElse(null);
        String fk = null;
        for (Arg a : c.args()) {
            if (a.isPositional() && isCall(a.value(), Set.of("ForeignKey"))) {
                fk = ((Call) a.value()).positional(0).flatMap(x -> x.value().string()).orElse(null);
                if (fk == null) {
                    problems.add(new Problem(a.span(), "ForeignKey target is not a string literal"));
                }
            }
        }
        return new Decl(name, flag(c, "primary_key"), fk, flag(c, "index"), flag(c, "unique"), flag(c, "nullable"));
    }

    private void unpacked(Call c) {
        for (Arg a : c.args()) {
            if ("**".equals(a.keyword()) || "*".equals(a.keyword())) {
                problems.add(new Problem(a.span(), "unpacked arguments: what they set is not known"));
            }
        }
    }

    private Boolean flag(Call c, String keyword) {
        Optional<Arg> arg = c.keyword(keyword);
        if (arg.isEmpty()) {
            return null;
        }
        if (arg.get().value() instanceof PyValue.BoolLit b) {
            return b.value();
        }
        problems.add(new Problem(arg.get().span(), keyword + "= is not True or False"));
        return null;
    }

    private String string(Call c, String keyword) {
        Optional<Arg> arg = c.keyword(keyword);
        if (arg.isEmpty() || arg.get().value() instanceof PyValue.NoneLit) {
            return null;
        }
        Optional<String> s = arg.get().value().string();
        if (s.isEmpty()) {
            problems.add(new Problem(arg.get().span(), keyword + "= is not a string literal"));
        }
        return s.orElse(null);
    }

    /** {@code {"nullable": False, …}}: a dict literal is {@link PyValue.Other}, so its text is searched. */
    private static Boolean dictFlag(PyValue dict, String key) {
        if (!(dict instanceof PyValue.Other o)) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("[\"']" + key + "[\"']\\s*:\\s*(True|False)\\b").matcher(o.text());
        return m.find() ? Boolean.valueOf(m.group(1).equals("True")) : null;
    }

    private static boolean isCall(PyValue v, Set<String> names) {
        return v instanceof Call c && names.contains(ModelReader.lastSegment(c.callee()));
    }
}
