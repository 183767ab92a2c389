package dev.miglint.rules.locking;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.Transaction;
import dev.miglint.change.Change.ValidateConstraint;
import dev.miglint.change.ConstraintKind;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.text.Span;
import dev.miglint.text.TextEdit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
        id = "require-not-valid",
        summary = "ADD FOREIGN KEY / CHECK on an existing table needs NOT VALID, then VALIDATE CONSTRAINT",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        fixable = true,
        since = "0.1.0",
        help = "Adding a FOREIGN KEY or CHECK constraint checks every existing row while holding the lock the "
                + "ADD takes: SHARE ROW EXCLUSIVE on the table and on the referenced table for a foreign key "
                + "(writes wait), ACCESS EXCLUSIVE for a CHECK (reads and writes wait). Add it NOT VALID instead: "
                + "that is quick and only new rows are checked. Then run ALTER TABLE … VALIDATE CONSTRAINT in a "
                + "later transaction: it scans under a SHARE UPDATE EXCLUSIVE lock, which lets reads and writes go "
                + "on. Validating in the same transaction as the ADD keeps the ADD's lock for the whole scan, so "
                + "that is flagged too. Tables created in the same migration are exempt.")
public final class RequireNotValid implements StatementRule {

    private static final Pattern BREAKPOINT = Pattern.compile("\\A[ \\t]*-->[ \\t]*statement-breakpoint");

    @Override
    public void check(Change change, RuleContext ctx) {
        if (change instanceof ValidateConstraint validate) {
            checkValidate(validate, ctx);
            return;
        }
        if (change instanceof AddColumn add && add.column().references() != null && add.table() != null
                && !ctx.createdInThisFile(add.table())) {
            // An inline REFERENCES cannot be NOT VALID: PostgreSQL checks every row under the lock.
            String mode = Locks.lockOf(change).orElseThrow();
            ctx.report(change, "ADD COLUMN " + add.column().name() + " … REFERENCES " + add.column().references()
                    + " adds a foreign key checked against every row of " + add.table() + " under "
                    + Locks.aLock(mode) + ", " + Locks.blocks(mode) + " meanwhile: add the column without "
                    + "REFERENCES, then ADD CONSTRAINT … FOREIGN KEY … NOT VALID and VALIDATE CONSTRAINT");
            return;
        }
        if (!(change instanceof AddConstraint add) || add.notValid() || add.table() == null
                || add.constraintKind() != ConstraintKind.FOREIGN_KEY && add.constraintKind() != ConstraintKind.CHECK
                || ctx.createdInThisFile(add.table())) {
            return;
        }
        boolean foreignKey = add.constraintKind() == ConstraintKind.FOREIGN_KEY;
        String mode = Locks.lockOf(change).orElseThrow();
        String message = "ADD " + (foreignKey ? "FOREIGN KEY" : "CHECK") + (add.name() == null ? "" : " " + add.name())
                + " checks every row of " + add.table() + " under " + Locks.aLock(mode)
                + (foreignKey ? " on it and on the referenced table" : "") + ", " + Locks.blocks(mode)
                + " meanwhile: add it NOT VALID, then VALIDATE CONSTRAINT";
        if (add.name() == null) {
            ctx.report(change, message + " (name the constraint so it can be validated)");
        } else if (ctx.inTransaction()) {
            ctx.report(change, message + " in a later transaction (here the file runs in one, and validating "
                    + "in it would keep the lock)");
        } else {
            ctx.report(change, message, fix(add, ctx));
        }
    }

    /** NOT VALID then VALIDATE in one transaction holds the ADD's lock through the scan after all. */
    private static void checkValidate(ValidateConstraint validate, RuleContext ctx) {
        if (validate.table() == null || ctx.createdInThisFile(validate.table())) {
            return;
        }
        List<Change> before = ctx.before();
        for (int i = before.size() - 1; i >= 0; i--) {
            Change earlier = before.get(i);
            if (earlier instanceof Transaction && !earlier.statement().guard().inDoBlock()) {
                return; // a COMMIT or BEGIN between them: separate transactions
            }
            if (earlier instanceof AddConstraint add && add.notValid() && validate.name() != null
                    && validate.name().equals(add.name()) && add.table() != null
                    && add.table().sameObject(validate.table())) {
                if (sameDoBlock(add, validate) || ctx.inTransaction()) {
                    String mode = Locks.lockOf(add).orElseThrow();
                    ctx.report(validate, "VALIDATE CONSTRAINT " + validate.name() + " runs in the same transaction as "
                            + "its ADD … NOT VALID on line " + Transactions.lineOf(ctx.text(), add.span().start())
                            + ", which keeps the ADD's " + mode + " lock on " + validate.table() + " during the scan: "
                            + "validate in a later transaction");
                }
                return;
            }
        }
    }

    private static boolean sameDoBlock(Change a, Change b) {
        Span block = a.statement().guard().doBlock();
        return block != null && block.equals(b.statement().guard().doBlock());
    }

    /** Appends NOT VALID to the constraint and a VALIDATE CONSTRAINT statement after the statement. */
    private static Fix fix(AddConstraint add, RuleContext ctx) {
        String text = ctx.text();
        Statement s = add.statement();
        int constraintEnd = add.span().equals(s.span()) ? s.bodyEnd() : add.span().end();
        String validate = "ALTER TABLE " + add.table().span().text(text) + " VALIDATE CONSTRAINT "
                + writtenName(add, text) + ";";
        TextEdit appendValidate;
        Span block = s.guard().doBlock();
        if (block != null) {
            // Inside a DO block the VALIDATE goes after the whole DO statement.
            appendValidate = text.charAt(block.end() - 1) == ';'
                    ? TextEdit.insert(block.end(), "\n" + validate)
                    : TextEdit.insert(block.end(), ";\n" + validate.substring(0, validate.length() - 1));
        } else if (s.terminator() == null) {
            appendValidate = TextEdit.insert(s.bodyEnd(), ";\n" + validate.substring(0, validate.length() - 1));
        } else {
            Matcher breakpoint = BREAKPOINT.matcher(text.substring(s.span().end()));
            appendValidate = breakpoint.find()
                    ? TextEdit.insert(s.span().end() + breakpoint.end(), "\n" + validate + "--> statement-breakpoint")
                    : TextEdit.insert(s.span().end(), "\n" + validate);
        }
        return new Fix("Add NOT VALID and validate in a second statement",
                List.of(TextEdit.insert(constraintEnd, " NOT VALID"), appendValidate));
    }

    /** The constraint's name as written (quotes kept): the token after CONSTRAINT. */
    private static String writtenName(AddConstraint add, String text) {
        Statement s = add.statement();
        for (int i = 0; i + 1 < s.size(); i++) {
            if (s.token(i).start() >= add.span().start() && s.isWord(i, "CONSTRAINT")) {
                return s.text(i + 1);
            }
        }
        return add.name();
    }
}
