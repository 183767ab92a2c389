package dev.miglint.rules.destructive;

import dev.miglint.change.Change;
import dev.miglint.change.Change.Delete;
import dev.miglint.change.Change.Insert;
import dev.miglint.change.Change.Select;
import dev.miglint.change.Change.Update;
import dev.miglint.change.Name;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.TokenKind;
import dev.miglint.text.Span;

import java.util.List;
import java.util.Locale;

@RuleInfo(
        id = "ban-delete-without-where",
        summary = "DELETE and UPDATE without WHERE change every row of the table",
        category = Category.DESTRUCTIVE,
        severity = Severity.ERROR,
        fixable = false,
        since = "0.1.0",
        help = "A DELETE without WHERE empties the table; an UPDATE without WHERE overwrites a column in every "
                + "row, holds a row lock on all of them until the migration commits and leaves a table's worth of "
                + "dead rows behind. Both are usually a WHERE clause lost in editing. Say which rows you mean with "
                + "a WHERE clause (WHERE TRUE or WHERE 1 = 1 count as none); backfill a column of a large table in "
                + "batches of ids, outside the schema migration. Statements inside data-modifying WITH queries and "
                + "DO blocks are checked too. A table created earlier in the same file is not reported: it holds only "
                + "rows this migration just put there, so filling it in or clearing it loses nothing. A new column "
                + "on an existing table is not such a case: its backfill touches every existing row. Accept a "
                + "reviewed whole-table change with `-- miglint-ignore ban-delete-without-where: <reason>`; down "
                + "migrations are not reported.")
public final class BanDeleteWithoutWhere implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        if (change instanceof Update update) {
            check(change, ctx, change.span(), "UPDATE", update.table(), update.hasWhere());
        } else if (change instanceof Delete delete) {
            check(change, ctx, change.span(), "DELETE", delete.table(), delete.hasWhere());
        }
        if (change instanceof Update || change instanceof Delete || change instanceof Insert
                || change instanceof Select) {
            checkWithQueries(change, ctx);
        }
    }

    private static void check(Change change, RuleContext ctx, Span at, String verb, Name table, boolean hasWhere) {
        Statement s = change.statement();
        boolean trivial = hasWhere && trivialWhere(s, mainWhere(s));
        if (hasWhere && !trivial || table != null && ctx.createdInThisFile(table) || ctx.inDownMigration()) {
            return;
        }
        String target = table == null ? "the table" : table.qualified();
        String without = trivial ? " with an always-true WHERE" : " without WHERE";
        if (verb.equals("DELETE")) {
            ctx.report(at, "DELETE FROM " + target + without + " deletes every row: add a WHERE clause that "
                    + "selects the rows to delete", List.of());
        } else {
            ctx.report(at, "UPDATE " + target + without + " rewrites every row and locks them all until commit: "
                    + "add a WHERE clause, and backfill large tables in batches outside the migration", List.of());
        }
    }

    /** The WHERE of the statement itself; CTE bodies and subqueries sit inside parentheses. */
    private static int mainWhere(Statement s) {
        int depth = 0;
        for (int k = 0; k < s.size(); k++) {
            depth = depthAfter(s, k, depth);
            if (depth == 0 && s.isWord(k, "WHERE")) {
                return k;
            }
        }
        return -1;
    }

    /** WHERE TRUE, WHERE 1 = 1: written to silence a check, not to pick rows. */
    private static boolean trivialWhere(Statement s, int where) {
        if (where < 0) {
            return false;
        }
        StringBuilder condition = new StringBuilder();
        for (int k = where + 1; k < s.size() && !s.isWord(k, "RETURNING"); k++) {
            condition.append(s.text(k).toLowerCase(Locale.ROOT)).append(' ');
        }
        String c = condition.toString().trim();
        return c.equals("true") || c.equals("1 = 1") || c.equals("( true )") || c.equals("'t'");
    }

    /**
     * {@code WITH gone AS (DELETE FROM …) …}: the recognizer describes the main statement, so the
     * data-modifying queries of its WITH list are read here from the tokens.
     */
    private static void checkWithQueries(Change change, RuleContext ctx) {
        Statement s = change.statement();
        if (!s.isWord(0, "WITH")) {
            return;
        }
        int depth = 0;
        for (int k = 0; k < s.size(); k++) {
            if (depth == 0 && s.isWord(k, "AS")) {
                int open = k + 1;
                if (s.isWord(open, "NOT")) {
                    open++;
                }
                if (s.isWord(open, "MATERIALIZED")) {
                    open++;
                }
                if (s.is(open, TokenKind.LPAREN) && (s.isWord(open + 1, "DELETE") || s.isWord(open + 1, "UPDATE"))) {
                    inner(change, ctx, open);
                }
            }
            depth = depthAfter(s, k, depth);
        }
    }

    /** Checks the DELETE or UPDATE that starts right after the parenthesis at {@code open}. */
    private static void inner(Change change, RuleContext ctx, int open) {
        Statement s = change.statement();
        int verb = open + 1;
        int close = verb;
        boolean hasWhere = false;
        int depth = 1;
        for (; close < s.size(); close++) {
            if (s.is(close, TokenKind.LPAREN) || s.is(close, TokenKind.LBRACKET)) {
                depth++;
            } else if (s.is(close, TokenKind.RPAREN) || s.is(close, TokenKind.RBRACKET)) {
                if (--depth == 0) {
                    break;
                }
            } else if (depth == 1 && s.isWord(close, "WHERE")) {
                hasWhere = true;
            }
        }
        int nameAt = verb + 1;
        if (s.isWord(verb, "DELETE") && s.isWord(nameAt, "FROM")) {
            nameAt++;
        }
        if (s.isWord(nameAt, "ONLY")) {
            nameAt++;
        }
        Span at = new Span(s.token(verb).start(), s.token(Math.max(verb, close - 1)).end());
        check(change, ctx, at, s.text(verb).toUpperCase(Locale.ROOT), name(s, nameAt), hasWhere);
    }

    private static Name name(Statement s, int k) {
        if (!isIdentifier(s, k)) {
            return null;
        }
        String schema = null;
        String name = ident(s, k);
        int end = k;
        if (s.is(k + 1, TokenKind.DOT) && isIdentifier(s, k + 2)) {
            schema = name;
            name = ident(s, k + 2);
            end = k + 2;
        }
        return new Name(schema, name, new Span(s.token(k).start(), s.token(end).end()));
    }

    private static boolean isIdentifier(Statement s, int k) {
        return s.is(k, TokenKind.WORD) || s.is(k, TokenKind.QUOTED_IDENT);
    }

    private static String ident(Statement s, int k) {
        String text = s.text(k);
        return s.is(k, TokenKind.QUOTED_IDENT)
                ? text.substring(1, text.length() - 1).replace("\"\"", "\"")
                : text.toLowerCase(Locale.ROOT);
    }

    private static int depthAfter(Statement s, int k, int depth) {
        if (s.is(k, TokenKind.LPAREN) || s.is(k, TokenKind.LBRACKET)) {
            return depth + 1;
        }
        if (s.is(k, TokenKind.RPAREN) || s.is(k, TokenKind.RBRACKET)) {
            return Math.max(0, depth - 1);
        }
        return depth;
    }
}
