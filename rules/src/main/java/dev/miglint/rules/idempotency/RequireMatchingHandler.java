package dev.miglint.rules.idempotency;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.Change.Delete;
import dev.miglint.change.Change.Insert;
import dev.miglint.change.Change.PlStatement;
import dev.miglint.change.Change.Unrecognized;
import dev.miglint.change.Change.Update;
import dev.miglint.change.Change.Utility;
import dev.miglint.change.ConstraintKind;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.sql.syntax.Guard;
import dev.miglint.sql.syntax.SqlState;
import dev.miglint.text.Span;
import dev.miglint.text.TextEdit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

@RuleInfo(
        id = "require-matching-handler",
        summary = "A DO block's EXCEPTION handler must catch the error its statement raises when run again",
        category = Category.IDEMPOTENCY,
        severity = Severity.ERROR,
        fixable = true,
        since = "0.1.0",
        help = "A DO block guards a statement only when its EXCEPTION WHEN names the error the statement "
                + "raises on a re-run; any other error still aborts the migration. ADD CONSTRAINT UNIQUE or "
                + "EXCLUDE raises duplicate_table (42P07), because its index name collides first, so the common "
                + "WHEN duplicate_object guards nothing there. A second PRIMARY KEY raises invalid_table_definition "
                + "(42P16); FOREIGN KEY, CHECK, CREATE TYPE/DOMAIN/TRIGGER/POLICY/EXTENSION raise duplicate_object "
                + "(42710); CREATE TABLE/INDEX/SEQUENCE/VIEW raise duplicate_table (42P07); ADD COLUMN "
                + "duplicate_column (42701); CREATE SCHEMA duplicate_schema (42P06); CREATE FUNCTION/PROCEDURE "
                + "duplicate_function (42723). Catch those conditions (join several with OR), or use IF NOT EXISTS "
                + "where the statement has it.")
public final class RequireMatchingHandler implements StatementRule {

    /** PL/pgSQL statements that raise nothing a handler is there for. */
    private static final Pattern OR = Pattern.compile("(?i)\\s+OR\\s+");

    private static final Set<String> QUIET_PL = Set.of("RAISE", "NULL", "RETURN", "EXIT", "CONTINUE", "ASSIGN");

    @Override
    public void check(Change change, RuleContext ctx) {
        Guard guard = change.statement().guard();
        if (!guard.hasHandlers() || guard.checksExistence() || ctx.acceptedAsTransactional()) {
            return;
        }
        if (Reruns.raisedWhenGone(change).isPresent()) {
            return; // a DROP without IF EXISTS is require-if-exists's
        }
        if (change instanceof AddConstraint add && add.name() == null
                && add.constraintKind() != ConstraintKind.PRIMARY_KEY) {
            ctx.report(change, "An unnamed constraint raises nothing on a re-run, it is added again under a new "
                    + "generated name, so the handler never fires: name it (ADD CONSTRAINT <name> …)");
            return;
        }
        Optional<SqlState> raised = Reruns.raisedAgain(change);
        if (raised.isEmpty() || guard.catches(raised.get())) {
            return;
        }
        SqlState state = raised.get();
        String handler = guard.handlerClauses().isEmpty() ? String.join(" OR ", guard.handlers())
                : guard.handlerClauses().get(0).text(ctx.text());
        String message = what(change) + " raises " + state + " when the migration runs again, which WHEN "
                + handler + " does not catch: catch " + state.name();
        List<Fix> fixes = new ArrayList<>();
        replaceCondition(guard, ctx).ifPresent(fixes::add);
        addIfNotExists(change).ifPresent(fixes::add);
        ctx.report(change.span(), message, fixes);
    }

    private static String what(Change change) {
        if (change instanceof AddConstraint add) {
            String kind = add.constraintKind().name().replace('_', ' ');
            return "ADD CONSTRAINT" + (add.name() == null ? "" : " " + add.name()) + " " + kind;
        }
        if (change instanceof CreateObject o) {
            return "CREATE " + o.objectKind() + (o.name() == null ? "" : " " + o.name());
        }
        if (change instanceof CreateTable t) {
            return "CREATE TABLE " + t.name();
        }
        if (change instanceof CreateIndex i) {
            return "CREATE INDEX " + i.name();
        }
        if (change instanceof AddColumn a) {
            return "ADD COLUMN " + a.column().name();
        }
        if (change instanceof Change.CreateType t) {
            return "CREATE TYPE " + t.name();
        }
        return "This statement";
    }

    /**
     * Rewrites the handler of the innermost block around the statement so that it catches what
     * every statement of that block raises again. Conditions already right are kept; a wrong one is
     * kept too when the block holds statements whose errors are not modelled here. Only offered when
     * the block has a single WHEN clause, the one a fix can rewrite without changing what else runs.
     */
    private static Optional<Fix> replaceCondition(Guard guard, RuleContext ctx) {
        List<Span> clauses = guard.handlerClauses();
        if (clauses.size() != 1) {
            return Optional.empty();
        }
        Span clause = clauses.get(0);
        List<SqlState> needed = new ArrayList<>();
        boolean unmodelled = false;
        for (Change c : ctx.changes()) {
            Guard g = c.statement().guard();
            if (!clauses.equals(g.handlerClauses()) || !guard.doBlock().equals(g.doBlock()) || g.checksExistence()) {
                continue;
            }
            Optional<SqlState> raised = Reruns.raisedAgain(c);
            if (raised.isPresent() && !needed.contains(raised.get())) {
                needed.add(raised.get());
            }
            unmodelled |= raised.isEmpty() && mayRaise(c);
        }
        String old = clause.text(ctx.text());
        Set<String> conditions = new LinkedHashSet<>();
        for (String written : OR.split(old.trim())) {
            if (unmodelled || needed.stream().anyMatch(s -> SqlState.conditionCatches(written, s))) {
                conditions.add(written);
            }
        }
        for (SqlState state : needed) {
            if (conditions.stream().noneMatch(c -> SqlState.conditionCatches(c, state))) {
                conditions.add(state.name());
            }
        }
        String replacement = String.join(" OR ", conditions);
        return Optional.of(new Fix("Catch " + replacement + " instead of " + old,
                List.of(new TextEdit(clause.start(), clause.end(), replacement))));
    }

    /** Statements whose re-run error this rule does not model, and a handler may be there for. */
    private static boolean mayRaise(Change c) {
        if (c instanceof PlStatement pl) {
            return !QUIET_PL.contains(pl.command());
        }
        return c instanceof Insert || c instanceof Update || c instanceof Delete || c instanceof Utility
                || c instanceof Unrecognized;
    }

    private static Optional<Fix> addIfNotExists(Change change) {
        int at = -1;
        if (change instanceof CreateTable t) {
            at = t.guardAt();
        } else if (change instanceof CreateIndex i) {
            at = i.guardAt();
        } else if (change instanceof CreateObject o) {
            at = o.guardAt();
        } else if (change instanceof AddColumn a) {
            at = a.guardAt();
        }
        return at < 0 ? Optional.empty()
                : Optional.of(new Fix("Add IF NOT EXISTS", List.of(TextEdit.insert(at, "IF NOT EXISTS "))));
    }
}
