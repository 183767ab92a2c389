package dev.miglint.rules.idempotency;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.Rule;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.TextEdit;
import dev.miglint.sql.Guard;
import dev.miglint.sql.SqlState;

import java.util.List;
import java.util.Map;

@RuleInfo(
        id = "require-if-not-exists",
        summary = "CREATE TABLE/INDEX/SCHEMA/SEQUENCE/EXTENSION/MATERIALIZED VIEW and ADD COLUMN need IF NOT EXISTS",
        category = Category.IDEMPOTENCY,
        severity = Severity.ERROR,
        fixable = true,
        since = "0.1.0",
        help = "A migration that stops half-way is run again on the next deploy. Statements that already "
                + "succeeded must not fail the second time: CREATE … IF NOT EXISTS and ADD COLUMN IF NOT EXISTS "
                + "skip an object that is already there. Inside a DO block, an IF NOT EXISTS (SELECT … FROM "
                + "pg_catalog …) check or an EXCEPTION handler for the error the statement raises also counts.")
public final class RequireIfNotExists implements Rule {

    /** What re-creating each kind of object raises, for DO-block handlers. */
    private static final Map<String, SqlState> RAISED_AGAIN = Map.of(
            "TABLE", SqlState.DUPLICATE_TABLE,
            "INDEX", SqlState.DUPLICATE_TABLE,
            "SEQUENCE", SqlState.DUPLICATE_TABLE,
            "MATERIALIZED VIEW", SqlState.DUPLICATE_TABLE,
            "SCHEMA", SqlState.DUPLICATE_SCHEMA,
            "EXTENSION", SqlState.DUPLICATE_OBJECT,
            "COLUMN", SqlState.DUPLICATE_COLUMN);

    @Override
    public void check(Change change, RuleContext ctx) {
        if (change instanceof CreateTable t && !t.ifNotExists() && !t.temporary()) {
            flag(ctx, change, "TABLE", "CREATE TABLE " + t.name(), t.guardAt());
        } else if (change instanceof CreateIndex i && !i.ifNotExists()) {
            if (i.name() == null) {
                ctx.report(change, "CREATE INDEX without a name cannot be guarded and creates a duplicate index on "
                        + "every re-run: name the index and add IF NOT EXISTS");
            } else {
                flag(ctx, change, "INDEX", "CREATE INDEX " + i.name(), i.guardAt());
            }
        } else if (change instanceof CreateObject o && !o.ifNotExists() && RAISED_AGAIN.containsKey(o.objectKind())) {
            flag(ctx, change, o.objectKind(), "CREATE " + o.objectKind() + (o.name() == null ? "" : " " + o.name()),
                    o.guardAt());
        } else if (change instanceof AddColumn a && !a.ifNotExists()) {
            flag(ctx, change, "COLUMN", "ADD COLUMN " + a.column().name() + " to " + a.table(), a.guardAt());
        }
    }

    private static void flag(RuleContext ctx, Change change, String kind, String what, int guardAt) {
        Guard guard = change.statement().guard();
        if (guard.checksExistence() || guard.catches(RAISED_AGAIN.get(kind))) {
            return;
        }
        String message = what + " fails when the migration runs again: add IF NOT EXISTS";
        if (guardAt < 0) {
            ctx.report(change, message);
            return;
        }
        ctx.report(change, message, new Fix("Add IF NOT EXISTS", List.of(TextEdit.insert(guardAt, "IF NOT EXISTS "))));
    }
}
