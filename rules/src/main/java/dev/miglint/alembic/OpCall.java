package dev.miglint.alembic;

import dev.miglint.python.Arg;
import dev.miglint.python.PyValue;
import dev.miglint.text.Span;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A call on Alembic's {@code op}, a batch alias or a connection, e.g. {@code op.add_column("t", …)}.
 *
 * @param receiver     receiver as written: {@code op}, {@code batch_op}, {@code conn}, {@code op.get_bind()}
 * @param batchTable   the table of the enclosing {@code batch_alter_table} when it is a literal, else null
 * @param autocommit   inside {@code with op.get_context().autocommit_block():}
 * @param nesting      how many if/for/while/try/with blocks of the function enclose the call (0: top level)
 */
public record OpCall(String receiver, ReceiverKind receiverKind, String method, Span methodSpan, Span span,
                     FunctionKind function, String batchTable, boolean autocommit, int nesting, List<Arg> args) {

    private static final Set<String> TEXT_CALLEES = Set.of("text", "sa.text", "sqlalchemy.text",
            "sqlalchemy.sql.text", "sql.text");
    private static final Set<String> SQL_METHODS = Set.of("execute", "exec_driver_sql");

    public boolean isBatch() {
        return receiverKind == ReceiverKind.BATCH;
    }

    public Optional<Arg> positional(int index) {
        return Arg.positional(args, index);
    }

    public Optional<Arg> keyword(String name) {
        return Arg.keyword(args, name);
    }

    /** The argument given by position or by keyword, as Alembic's signature allows both. */
    public Optional<Arg> arg(int index, String keyword) {
        Optional<Arg> byKeyword = keyword(keyword);
        return byKeyword.isPresent() ? byKeyword : positional(index);
    }

    /** True for {@code execute}-like calls, whose first argument is SQL. */
    public boolean isSqlExecution() {
        return SQL_METHODS.contains(method);
    }

    /**
     * The literal SQL of {@code op.execute("…")}, {@code op.execute(sa.text("…"))} or
     * {@code conn.execute(text("…"))}, with its offset map; empty when the SQL is not a literal.
     */
    public Optional<PyValue.StringLit> literalSql() {
        if (!isSqlExecution()) {
            return Optional.empty();
        }
        PyValue sql = arg(0, "sqltext").or(() -> keyword("statement")).map(Arg::value).orElse(null);
        if (sql instanceof PyValue.Call c && TEXT_CALLEES.contains(c.callee())) {
            sql = c.arg0();
        }
        return sql instanceof PyValue.StringLit s && !s.bytes() ? Optional.of(s) : Optional.empty();
    }
}
