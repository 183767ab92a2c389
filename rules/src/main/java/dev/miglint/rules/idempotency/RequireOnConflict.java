package dev.miglint.rules.idempotency;

import dev.miglint.change.Change;
import dev.miglint.change.Change.Insert;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.sql.syntax.Guard;
import dev.miglint.sql.syntax.SqlState;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.TokenKind;
import dev.miglint.text.TextEdit;

import java.util.List;

@RuleInfo(
        id = "require-on-conflict",
        summary = "INSERT needs ON CONFLICT, or a SELECT … WHERE NOT EXISTS, to be safe to run again",
        category = Category.IDEMPOTENCY,
        severity = Severity.WARNING,
        fixable = true,
        since = "0.1.0",
        help = "Seed rows inserted by a migration are inserted again when it is re-run: the second run fails "
                + "with unique_violation (23505) on a key, or silently duplicates rows where there is none. "
                + "ON CONFLICT DO NOTHING (or DO UPDATE) skips rows whose unique key already exists; without a "
                + "unique key, insert from SELECT … WHERE NOT EXISTS (SELECT 1 FROM <table> WHERE …) instead.")
public final class RequireOnConflict implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof Insert insert) || insert.onConflict() || insert.whereNotExists()) {
            return;
        }
        Guard guard = change.statement().guard();
        if (guard.checksExistence() || guard.catches(SqlState.UNIQUE_VIOLATION) || ctx.acceptedAsTransactional()) {
            return;
        }
        String into = insert.table() == null ? "INSERT" : "INSERT INTO " + insert.table();
        ctx.report(change, into + " adds its rows again, or fails on a unique key, when the migration runs again: "
                        + "add ON CONFLICT DO NOTHING or insert only WHERE NOT EXISTS",
                new Fix("Add ON CONFLICT DO NOTHING",
                        List.of(TextEdit.insert(conflictClauseAt(change.statement()), " ON CONFLICT DO NOTHING"))));
    }

    /** ON CONFLICT goes before a top-level RETURNING, otherwise at the end of the statement. */
    private static int conflictClauseAt(Statement s) {
        int depth = 0;
        for (int k = 0; k < s.size(); k++) {
            TokenKind kind = s.token(k).kind();
            if (kind == TokenKind.LPAREN) {
                depth++;
            } else if (kind == TokenKind.RPAREN) {
                depth--;
            } else if (depth == 0 && s.isWord(k, "RETURNING") && k > 0) {
                return s.token(k - 1).end();
            }
        }
        return s.bodyEnd();
    }
}
