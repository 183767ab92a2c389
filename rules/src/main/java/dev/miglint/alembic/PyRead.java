package dev.miglint.alembic;

import dev.miglint.python.Arg;
import dev.miglint.python.PyValue;
import dev.miglint.python.PyValue.Call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the literal parts of op arguments; anything computed at run time is {@link Unreadable}. */
final class PyRead {

    /** Wrappers that only mark a name as final ({@code op.f}, naming-convention {@code conv}). */
    private static final Set<String> NAME_WRAPPERS = Set.of("op.f", "f", "conv", "sa.schema.conv",
            "schema.conv", "sqlalchemy.sql.elements.conv", "sa.sql.elements.conv");
    /** Wrappers whose string argument is SQL text. */
    private static final Set<String> TEXT_WRAPPERS = Set.of("text", "sa.text", "sqlalchemy.text", "sql.text",
            "sa.sql.text", "sqlalchemy.sql.text", "sa.sql.expression.text", "literal_column",
            "sa.literal_column", "sqlalchemy.literal_column", "sa.sql.expression.literal_column");

    /** An argument miglint cannot read without running the migration; the message says which. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private PyRead() {
    }

    /** A name given as a literal, possibly through op.f or conv. */
    static String name(PyValue v, String what) {
        if (v == null) {
            throw new Unreadable(what + " is missing");
        }
        PyValue inner = v instanceof Call c && NAME_WRAPPERS.contains(c.callee()) && c.arg0() != null ? c.arg0() : v;
        return inner.string().orElseThrow(() -> unreadable(what, inner));
    }

    /** A name that may be None, as for constraints left to the database to name. */
    static Optional<String> optionalName(PyValue v, String what) {
        return v == null || v instanceof PyValue.NoneLit ? Optional.empty() : Optional.of(name(v, what));
    }

    /** Names from a list or tuple literal (a lone string counts as one). */
    static List<String> names(PyValue v, String what) {
        if (v instanceof PyValue.StringLit) {
            return List.of(name(v, what));
        }
        List<String> out = new ArrayList<>();
        for (PyValue item : items(v, what)) {
            out.add(name(item, what));
        }
        return out;
    }

    static List<PyValue> items(PyValue v, String what) {
        if (v instanceof PyValue.ListLit l) {
            return l.items();
        }
        if (v instanceof PyValue.TupleLit t) {
            return t.items();
        }
        throw unreadable(what, v);
    }

    /** SQL given as a string or through text()/literal_column(): the SQL as written. */
    static String sqlText(PyValue v, String what) {
        PyValue inner = v instanceof Call c && TEXT_WRAPPERS.contains(c.callee()) && c.arg0() != null ? c.arg0() : v;
        if (inner == null) {
            throw new Unreadable(what + " is missing");
        }
        return inner.string().orElseThrow(() -> unreadable(what, inner));
    }

    static boolean isTextCall(PyValue v) {
        return v instanceof Call c && TEXT_WRAPPERS.contains(c.callee());
    }

    /** A call's argument by keyword or by position, as Python binds it. */
    static Optional<PyValue> arg(Call c, int index, String keyword) {
        Optional<Arg> byKeyword = c.keyword(keyword);
        return (byKeyword.isPresent() ? byKeyword : c.positional(index)).map(Arg::value);
    }

    static boolean isTrue(PyValue v) {
        return v instanceof PyValue.BoolLit b && b.value();
    }

    /** True, False or None (as null); anything else is unreadable. */
    static Boolean bool(PyValue v, String what) {
        if (v == null || v instanceof PyValue.NoneLit) {
            return null;
        }
        if (v instanceof PyValue.BoolLit b) {
            return b.value();
        }
        throw unreadable(what, v);
    }

    /** The last segment of a dotted name: {@code sa.types.String} → {@code String}. */
    static String lastSegment(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    static Unreadable unreadable(String what, PyValue v) {
        return new Unreadable(what + " is not a literal: " + describe(v));
    }

    static String describe(PyValue v) {
        if (v == null) {
            return "missing";
        }
        if (v instanceof PyValue.Name n) {
            return n.dotted();
        }
        if (v instanceof Call c) {
            return c.callee() + "(…)";
        }
        if (v instanceof PyValue.Other o) {
            return o.text().length() > 60 ? o.text().substring(0, 60) + "…" : o.text();
        }
        return v instanceof PyValue.FStringLit ? "an f-string" : v.getClass().getSimpleName();
    }
}
