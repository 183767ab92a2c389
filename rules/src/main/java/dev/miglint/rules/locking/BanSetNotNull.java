package dev.miglint.rules.locking;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.AlterColumn;
import dev.miglint.change.Change.ValidateConstraint;
import dev.miglint.change.ConstraintKind;
import dev.miglint.change.Name;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.TokenKind;

import java.util.List;
import java.util.Locale;

@RuleInfo(
        id = "ban-set-not-null",
        summary = "SET NOT NULL on an existing table scans it under an ACCESS EXCLUSIVE lock",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        fixable = false,
        since = "0.1.0",
        help = "ALTER COLUMN … SET NOT NULL reads every row to prove there is no NULL, holding an ACCESS EXCLUSIVE "
                + "lock that blocks reads and writes for the whole scan. On PostgreSQL 12 and later, let a "
                + "constraint do the scan instead: ADD CONSTRAINT <c> CHECK (<column> IS NOT NULL) NOT VALID; then, "
                + "in a later transaction, VALIDATE CONSTRAINT <c> (reads and writes go on); then SET NOT NULL, "
                + "which uses the validated constraint and skips the scan; then DROP CONSTRAINT <c>. A SET NOT NULL "
                + "preceded in the same file by such a validated constraint is accepted. Before PostgreSQL 12 "
                + "there is no scan-free way: keep the validated CHECK constraint instead of NOT NULL. Tables "
                + "created in the same migration are exempt.")
public final class BanSetNotNull implements StatementRule {

    /** The first version whose SET NOT NULL skips the scan when a validated CHECK proves it. */
    private static final int CHECK_PROOF_VERSION = 12;

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof AlterColumn alter) || !alter.action().equals("SET NOT NULL") || alter.table() == null
                || alter.column() == null || ctx.createdInThisFile(alter.table())) {
            return;
        }
        boolean checkProofWorks = ctx.settings().postgresVersion() >= CHECK_PROOF_VERSION;
        if (checkProofWorks && provenByValidatedCheck(alter.table(), alter.column(), ctx)) {
            return;
        }
        String mode = Locks.lockOf(change).orElseThrow();
        String start = "SET NOT NULL on " + alter.table() + "." + alter.column() + " scans every row under "
                + Locks.aLock(mode) + ", " + Locks.blocks(mode) + " meanwhile: ";
        String advice = checkProofWorks
                ? "first add CHECK (" + alter.column() + " IS NOT NULL) NOT VALID and VALIDATE it in an earlier "
                        + "transaction, then SET NOT NULL skips the scan"
                : "before PostgreSQL 12 there is no scan-free way, so keep a validated CHECK (" + alter.column()
                        + " IS NOT NULL) constraint instead";
        ctx.report(change, start + advice);
    }

    /** True when an earlier change of the file added and validated CHECK (column IS NOT NULL) on the table. */
    private static boolean provenByValidatedCheck(Name table, String column, RuleContext ctx) {
        List<Change> before = ctx.before();
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i) instanceof AddConstraint add && add.constraintKind() == ConstraintKind.CHECK
                    && table.sameObject(add.table()) && checksNotNull(add, column)
                    && (!add.notValid() || validatedLater(add, before.subList(i + 1, before.size())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean validatedLater(AddConstraint add, List<Change> later) {
        for (Change c : later) {
            if (c instanceof ValidateConstraint v && add.name() != null && add.name().equals(v.name())
                    && add.table().sameObject(v.table())) {
                return true;
            }
        }
        return false;
    }

    /** True when the constraint's expression is exactly {@code column IS NOT NULL}, in any number of parentheses. */
    static boolean checksNotNull(AddConstraint add, String column) {
        Statement s = add.statement();
        int from = -1;
        for (int i = 0; i < s.size(); i++) {
            if (s.token(i).start() >= add.span().start() && s.isWord(i, "CHECK")) {
                from = i + 1;
                break;
            }
        }
        if (from < 0 || !s.is(from, TokenKind.LPAREN)) {
            return false;
        }
        int to = matchingParen(s, from) + 1;
        // Tokens [from, to) are the parenthesised expression: peel the parentheses.
        while (to - from >= 2 && s.is(from, TokenKind.LPAREN) && matchingParen(s, from) == to - 1) {
            from++;
            to--;
        }
        return to - from == 4 && identifier(s, from).equals(column) && s.isWord(from + 1, "IS")
                && s.isWord(from + 2, "NOT") && s.isWord(from + 3, "NULL");
    }

    private static int matchingParen(Statement s, int open) {
        int depth = 0;
        for (int i = open; i < s.size(); i++) {
            if (s.is(i, TokenKind.LPAREN)) {
                depth++;
            } else if (s.is(i, TokenKind.RPAREN) && --depth == 0) {
                return i;
            }
        }
        return s.size() - 1;
    }

    private static String identifier(Statement s, int i) {
        String text = s.text(i);
        if (s.is(i, TokenKind.QUOTED_IDENT)) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return s.is(i, TokenKind.WORD) ? text.toLowerCase(Locale.ROOT) : "";
    }
}
