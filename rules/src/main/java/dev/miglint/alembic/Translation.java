package dev.miglint.alembic;

import dev.miglint.python.PyValue;

/** What {@link OpSql} made of one op call: SQL to lint, or why there is none. */
public sealed interface Translation {

    /**
     * The PostgreSQL that {@code alembic upgrade --sql} would print for the call: one statement, or
     * several joined by {@code ";\n"}, never a trailing semicolon; empty when the op emits nothing.
     */
    record Sql(String sql) implements Translation {
    }

    /** {@code execute} with a literal: the SQL is the literal itself, with its map back to the file. */
    record LiteralSql(PyValue.StringLit lit) implements Translation {
    }

    /** {@code execute} with SQL built at run time (f-strings, variables, SQLAlchemy expressions). */
    record NotAnalysable(String why) implements Translation {
    }

    /** A call miglint does not translate, or whose arguments it cannot read. */
    record Unrecognized(String why) implements Translation {
    }
}
