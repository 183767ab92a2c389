package dev.miglint.rules.idempotency;

import dev.miglint.change.Change;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.CreateType;
import dev.miglint.change.Name;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.sql.syntax.Guard;
import dev.miglint.sql.syntax.SqlState;

import java.util.List;

@RuleInfo(
        id = "require-guarded-type",
        summary = "CREATE TYPE and CREATE DOMAIN need a DO block that catches duplicate_object, or an existence check",
        category = Category.IDEMPOTENCY,
        severity = Severity.ERROR,
        fixable = true,
        since = "0.1.0",
        help = "PostgreSQL has no CREATE TYPE IF NOT EXISTS nor CREATE DOMAIN IF NOT EXISTS, so a re-run fails "
                + "with duplicate_object (42710) on an enum, composite, range type or domain that is already there. "
                + "Wrap the statement in DO $$ BEGIN … EXCEPTION WHEN duplicate_object THEN null; END $$;, or "
                + "create it inside IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = '…') THEN … END IF in a "
                + "DO block.")
public final class RequireGuardedType implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        Name name;
        String what;
        if (change instanceof CreateType type) {
            name = type.name();
            what = "CREATE TYPE " + name;
        } else if (change instanceof CreateObject o && o.objectKind().equals("DOMAIN")) {
            name = o.name();
            what = "CREATE DOMAIN " + (name == null ? "" : name);
        } else {
            return;
        }
        Guard guard = change.statement().guard();
        // Inside a DO block with handlers, require-matching-handler judges the condition.
        if (guard.checksExistence() || guard.hasHandlers() || ctx.acceptedAsTransactional()) {
            return;
        }
        String message = what.strip() + " fails with duplicate_object when the migration runs again: wrap it in a "
                + "DO block that catches duplicate_object";
        if (guard.inDoBlock()) {
            ctx.report(change, message);
            return;
        }
        ctx.report(change, message, DoBlockWrap.fix(change.statement(), List.of(SqlState.DUPLICATE_OBJECT.name())));
    }
}
