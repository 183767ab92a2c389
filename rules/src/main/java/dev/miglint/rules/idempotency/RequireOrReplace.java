package dev.miglint.rules.idempotency;

import dev.miglint.change.Change;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Name;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.sql.syntax.Guard;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.text.TextEdit;

import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "require-or-replace",
        summary = "CREATE FUNCTION/PROCEDURE/VIEW/TRIGGER need OR REPLACE, and CREATE POLICY a DROP POLICY IF EXISTS before it",
        category = Category.IDEMPOTENCY,
        severity = Severity.WARNING,
        fixable = true,
        since = "0.1.0",
        help = "Running CREATE FUNCTION, PROCEDURE, VIEW or TRIGGER again fails on the object the first run made. "
                + "CREATE OR REPLACE re-creates it in place instead (for triggers from PostgreSQL 14; not for "
                + "constraint triggers). PostgreSQL has no CREATE OR REPLACE POLICY, and older servers none for "
                + "triggers: put DROP POLICY IF EXISTS <name> ON <table>; (DROP TRIGGER IF EXISTS …) right before "
                + "the CREATE. Set postgresVersion so miglint knows which form your server accepts.")
public final class RequireOrReplace implements StatementRule {

    private static final Set<String> REPLACEABLE = Set.of("FUNCTION", "PROCEDURE", "VIEW", "TRIGGER");

    @Override
    public void check(Change change, RuleContext ctx) {
        if (!(change instanceof CreateObject create) || create.orReplace() || create.name() == null) {
            return;
        }
        String kind = create.objectKind();
        if (!REPLACEABLE.contains(kind) && !kind.equals("POLICY")) {
            return;
        }
        Guard guard = change.statement().guard();
        // Inside a DO block with handlers, require-matching-handler judges the condition.
        if (guard.checksExistence() || guard.hasHandlers() || ctx.acceptedAsTransactional()
                || temporary(change.statement()) || droppedBefore(create, ctx)) {
            return;
        }
        String what = "CREATE " + kind + " " + written(create.name(), ctx)
                + (create.on() == null ? "" : " ON " + written(create.on(), ctx));
        if (REPLACEABLE.contains(kind) && canReplace(create, ctx)) {
            ctx.report(change, what + " fails when the migration runs again: write CREATE OR REPLACE " + kind,
                    new Fix("Use CREATE OR REPLACE", List.of(
                            TextEdit.insert(change.statement().token(0).end(), " OR REPLACE"))));
            return;
        }
        String drop = "DROP " + kind + " IF EXISTS " + written(create.name(), ctx)
                + (create.on() == null ? "" : " ON " + written(create.on(), ctx)) + ";";
        String message = what + " fails when the migration runs again: put " + drop + " before it";
        if (create.on() == null) {
            ctx.report(change, message);
            return;
        }
        ctx.report(change, message, new Fix("Drop the " + kind.toLowerCase(java.util.Locale.ROOT) + " first",
                List.of(TextEdit.insert(change.statement().span().start(), drop + "\n" + indentation(change, ctx)))));
    }

    /** CREATE OR REPLACE TRIGGER exists from PostgreSQL 14, and never for constraint triggers. */
    private static boolean canReplace(CreateObject create, RuleContext ctx) {
        if (!create.objectKind().equals("TRIGGER")) {
            return true;
        }
        return ctx.settings().postgresVersion() >= 14 && !create.statement().isWord(1, "CONSTRAINT");
    }

    /** A temporary view lives as long as the session: a re-run never meets it. */
    private static boolean temporary(Statement s) {
        for (int k = 1; k <= 2; k++) {
            if (s.isWord(k, "TEMP") || s.isWord(k, "TEMPORARY")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A DROP of the same object earlier in the file makes the CREATE re-runnable; one without IF
     * EXISTS is require-if-exists's to report.
     */
    private static boolean droppedBefore(CreateObject create, RuleContext ctx) {
        for (Change c : ctx.before()) {
            if (c instanceof Drop drop && drop.objectKind().equals(create.objectKind())
                    && drop.names().stream().anyMatch(n -> n.sameObject(create.name()))
                    && (create.on() == null || create.on().sameObject(drop.on()))) {
                return true;
            }
        }
        return false;
    }

    /** The name as the user wrote it, quotes and schema included. */
    private static String written(Name name, RuleContext ctx) {
        return name.span() != null ? name.span().text(ctx.text()) : name.qualified();
    }

    /** The statement's indentation, so the inserted DROP lines up with it. */
    private static String indentation(Change change, RuleContext ctx) {
        String text = ctx.text();
        int start = change.statement().span().start();
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        String before = text.substring(lineStart, start);
        return before.isBlank() ? before : "";
    }
}
