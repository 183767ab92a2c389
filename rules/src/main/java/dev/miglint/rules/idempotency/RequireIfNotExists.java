package dev.miglint.rules.idempotency;

import dev.miglint.alembic.AlembicVersion;
import dev.miglint.alembic.OpCall;
import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.rules.alembic.OpCallEdits;
import dev.miglint.rules.alembic.OpCallFixes;
import dev.miglint.sql.syntax.Guard;
import dev.miglint.text.TextEdit;

import java.util.List;
import java.util.Set;

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
public final class RequireIfNotExists implements StatementRule, OpCallFixes {

    /** The other object kinds whose CREATE has an IF NOT EXISTS form this rule asks for. */
    private static final Set<String> KINDS = Set.of("SEQUENCE", "MATERIALIZED VIEW", "SCHEMA", "EXTENSION");

    @Override
    public void check(Change change, RuleContext ctx) {
        if (ctx.acceptedAsTransactional()) {
            return;
        }
        if (change instanceof CreateTable t && !t.ifNotExists() && !t.temporary()) {
            flag(ctx, change, "CREATE TABLE " + t.name(), t.guardAt());
        } else if (change instanceof CreateIndex i && !i.ifNotExists()) {
            if (i.name() == null) {
                ctx.report(change, "CREATE INDEX without a name cannot be guarded and creates a duplicate index on "
                        + "every re-run: name the index and add IF NOT EXISTS");
            } else {
                flag(ctx, change, "CREATE INDEX " + i.name(), i.guardAt());
            }
        } else if (change instanceof CreateObject o && !o.ifNotExists() && KINDS.contains(o.objectKind())) {
            flag(ctx, change, "CREATE " + o.objectKind() + (o.name() == null ? "" : " " + o.name()),
                    o.guardAt());
        } else if (change instanceof AddColumn a && !a.ifNotExists()) {
            flag(ctx, change, "ADD COLUMN " + a.column().name() + " to " + a.table(), a.guardAt());
        }
    }

    private static void flag(RuleContext ctx, Change change, String what, int guardAt) {
        Guard guard = change.statement().guard();
        // Inside a DO block with handlers, require-matching-handler judges the condition.
        if (guard.checksExistence() || guard.hasHandlers()) {
            return;
        }
        String message = what + " fails when the migration runs again: add IF NOT EXISTS";
        if (guardAt < 0) {
            ctx.report(change, message);
            return;
        }
        ctx.report(change, message, new Fix("Add IF NOT EXISTS", List.of(TextEdit.insert(guardAt, "IF NOT EXISTS "))));
    }

    /** In an Alembic revision the op call itself takes the fix. */
    @Override
    public List<Fix> fixOpCall(OpCall call, String text, AlembicVersion.Version version) {
        return OpCallEdits.keyword(call, text, version, "if_not_exists");
    }

    @Override
    public String byHand() {
        return OpCallEdits.GUARD_BY_HAND;
    }
}
