package dev.miglint.rules.alembic;

import dev.miglint.alembic.OpCall;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.python.Arg;
import dev.miglint.python.PyValue;
import dev.miglint.rules.Category;
import dev.miglint.rules.Finding;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

import java.util.List;

@RuleInfo(id = "alembic-unanalysable-sql", category = Category.CORRECTNESS, severity = Severity.INFO, fixable = false, since = "0.1.0",
        summary = "op.execute with non-literal SQL",
        help = "SQL assembled at run time (variables, f-strings, SQLAlchemy expressions) cannot be read before "
                + "the migration runs, so miglint's SQL rules do not see it. Prefer a literal string where "
                + "you can, and review this statement by hand.")
public final class AlembicUnanalysableSql implements RevisionRule {

    @Override
    public void check(RevisionFile revision, List<Finding> out) {
        out.addAll(unanalysableSql(revision));
    }

    private List<Finding> unanalysableSql(RevisionFile file) {
        return file.calls().stream().filter(c -> c.isSqlExecution() && c.literalSql().isEmpty())
                .map(c -> finding("miglint cannot check SQL built at run time: "
                        + c.receiver() + "." + c.method() + "() is given " + sqlArgument(c)
                        + ", so the SQL rules do not see this statement", c.span()))
                .toList();
    }

    private static String sqlArgument(OpCall call) {
        PyValue v = call.arg(0, "sqltext").or(() -> call.keyword("statement")).map(Arg::value).orElse(null);
        if (v instanceof PyValue.Call c && c.arg0() != null && (c.callee().equals("text") || c.callee().endsWith(".text"))) {
            v = c.arg0();
        }
        if (v == null) {
            return "no SQL argument it can read";
        }
        if (v instanceof PyValue.FStringLit) {
            return "an f-string";
        }
        if (v instanceof PyValue.Name n) {
            return "the variable " + n.dotted();
        }
        if (v instanceof PyValue.Call c) {
            return "the result of " + c.callee() + "(…)";
        }
        return v instanceof PyValue.StringLit ? "bytes" : "an expression";
    }
}
