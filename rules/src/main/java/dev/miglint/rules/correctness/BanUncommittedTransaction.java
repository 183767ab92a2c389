package dev.miglint.rules.correctness;

import dev.miglint.change.Change;
import dev.miglint.change.Change.Transaction;
import dev.miglint.change.Change.Utility;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.text.TextEdit;

import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "ban-uncommitted-transaction",
        summary = "BEGIN without a later COMMIT or ROLLBACK leaves the migration's transaction open",
        category = Category.CORRECTNESS,
        severity = Severity.ERROR,
        fixable = true,
        since = "0.1.0",
        help = "A file that opens a transaction with BEGIN (or START TRANSACTION) and never ends it leaves the "
                + "session inside that transaction when the file is done. psql then rolls every change back as it "
                + "disconnects, without an error, and a runner that shares the connection may write its own "
                + "bookkeeping into the open transaction or fail on its next statement. End the transaction with "
                + "COMMIT (or END) at the end of the file. Under a runner that wraps the file in its own "
                + "transaction, remove the BEGIN instead: ban-nested-transaction reports it.")
public final class BanUncommittedTransaction implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        // Everything happens in finish: only the end of the file tells whether a BEGIN was closed.
    }

    @Override
    public void finish(RuleContext ctx) {
        if (ctx.runnerWrapsFile()) {
            return; // the runner commits; a COMMIT added here would end its transaction early
        }
        Transaction open = null;
        for (Change change : ctx.changes()) {
            if (change.statement().guard().inDoBlock()) {
                continue;
            }
            if (change instanceof Transaction t) {
                switch (t.command()) {
                    case "BEGIN" -> open = open == null ? t : open; // a nested BEGIN is ignored by PostgreSQL
                    case "COMMIT", "ROLLBACK" -> open = null;
                    default -> { }
                }
            } else if (change instanceof Utility u && u.command().equals("PREPARE") && u.statement().isWord(1, "TRANSACTION")) {
                open = null; // PREPARE TRANSACTION ends the session's transaction too
            }
        }
        if (open != null) {
            ctx.report(open, "This BEGIN is never committed: the file ends with its transaction open, so its "
                    + "changes are rolled back when the connection closes; add COMMIT at the end of the file",
                    commitAtEnd(ctx));
        }
    }

    /** Appends COMMIT on a line of its own, closing the last statement first if it lacks its semicolon. */
    private static Fix commitAtEnd(RuleContext ctx) {
        String text = ctx.text();
        List<TextEdit> edits = new ArrayList<>();
        List<Statement> statements = ctx.file().statements();
        Statement last = statements.isEmpty() ? null : statements.get(statements.size() - 1);
        if (last != null && last.terminator() == null && last.size() > 0) {
            edits.add(TextEdit.insert(last.bodyEnd(), ";"));
        }
        String lead = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
        edits.add(TextEdit.insert(text.length(), lead + "COMMIT;\n"));
        return new Fix("Add COMMIT at the end of the file", edits);
    }
}
