package dev.miglint.rules.idempotency;

import dev.miglint.alembic.AlembicVersion;
import dev.miglint.alembic.OpCall;
import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.Change.CreateType;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Change.DropColumn;
import dev.miglint.change.Change.DropConstraint;
import dev.miglint.change.ColumnDef;
import dev.miglint.change.Name;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.rules.alembic.OpCallEdits;
import dev.miglint.rules.alembic.OpCallFixes;
import dev.miglint.sql.syntax.Guard;
import dev.miglint.sql.syntax.SqlState;
import dev.miglint.text.TextEdit;

import java.util.List;
import java.util.Optional;
import java.util.Set;

@RuleInfo(
        id = "require-if-exists",
        summary = "DROP of a table, index, type, function or other object, and DROP COLUMN/CONSTRAINT, need IF EXISTS",
        category = Category.IDEMPOTENCY,
        severity = Severity.ERROR,
        fixable = true,
        since = "0.1.0",
        help = "A migration that stops half-way is run again on the next deploy, and a DROP that succeeded the "
                + "first time fails the second time because its object is gone. DROP … IF EXISTS and ALTER TABLE "
                + "… DROP COLUMN/CONSTRAINT IF EXISTS skip what is already gone. Inside a DO block, an IF EXISTS "
                + "(SELECT … FROM pg_catalog …) check or an EXCEPTION handler for the error the DROP raises "
                + "(undefined_table, undefined_object, undefined_column, undefined_function, invalid_schema_name) "
                + "also counts. Dropping an object created earlier in the same file is re-runnable as it is.")
public final class RequireIfExists implements StatementRule, OpCallFixes {

    /** DROP forms PostgreSQL has no IF EXISTS for. */
    private static final Set<String> NO_IF_EXISTS = Set.of("OWNED", "DEFAULT PRIVILEGES", "LARGE OBJECT", "SYSTEM");

    /** Kinds a same-named CREATE of the file may have made, per DROP kind. */
    private static final Set<String> RELATIONS = Set.of("TABLE", "VIEW", "MATERIALIZED VIEW", "SEQUENCE", "INDEX",
            "FOREIGN TABLE");

    @Override
    public void check(Change change, RuleContext ctx) {
        if (ctx.acceptedAsTransactional()) {
            return;
        }
        Optional<SqlState> raised = Reruns.raisedWhenGone(change);
        if (raised.isEmpty() || guarded(change.statement().guard(), raised.get())) {
            return;
        }
        if (change instanceof Drop drop && !NO_IF_EXISTS.contains(drop.objectKind()) && !drop.names().isEmpty()
                && !createdEarlier(drop, ctx)) {
            String names = String.join(", ", drop.names().stream().map(Name::qualified).toList());
            String on = drop.on() == null ? "" : " ON " + drop.on();
            flag(ctx, change, "DROP " + drop.objectKind() + " " + names + on, raised.get(), drop.guardAt());
        } else if (change instanceof DropColumn drop && !columnAddedEarlier(drop, ctx)) {
            flag(ctx, change, "DROP COLUMN " + drop.column() + " of " + drop.table(), raised.get(), drop.guardAt());
        } else if (change instanceof DropConstraint drop && !constraintAddedEarlier(drop, ctx)) {
            flag(ctx, change, "DROP CONSTRAINT " + drop.name() + " of " + drop.table(), raised.get(), drop.guardAt());
        }
    }

    private static boolean guarded(Guard guard, SqlState raised) {
        return guard.checksExistence() || guard.catches(raised);
    }

    private static void flag(RuleContext ctx, Change change, String what, SqlState raised, int guardAt) {
        String message = what + " fails with " + raised.name() + " when the migration runs again: add IF EXISTS";
        if (guardAt < 0) {
            ctx.report(change, message);
            return;
        }
        ctx.report(change, message, new Fix("Add IF EXISTS", List.of(TextEdit.insert(guardAt, "IF EXISTS "))));
    }

    /** A re-run creates the object again before dropping it, so every named object must be created earlier. */
    private static boolean createdEarlier(Drop drop, RuleContext ctx) {
        for (Name name : drop.names()) {
            if (ctx.before().stream().noneMatch(c -> creates(c, drop.objectKind(), name))) {
                return false;
            }
        }
        return true;
    }

    private static boolean creates(Change c, String kind, Name name) {
        if (c instanceof CreateTable t) {
            return RELATIONS.contains(kind) && name.sameObject(t.name());
        }
        if (c instanceof CreateIndex i) {
            return RELATIONS.contains(kind) && name.sameObject(i.name());
        }
        if (c instanceof CreateType t) {
            return (kind.equals("TYPE") || kind.equals("DOMAIN")) && name.sameObject(t.name());
        }
        if (c instanceof CreateObject o) {
            boolean sameKind = o.objectKind().equals(kind) || RELATIONS.contains(kind) && RELATIONS.contains(o.objectKind())
                    || kind.equals("TYPE") && o.objectKind().equals("DOMAIN");
            return sameKind && name.sameObject(o.name());
        }
        return false;
    }

    private static boolean columnAddedEarlier(DropColumn drop, RuleContext ctx) {
        for (Change c : ctx.before()) {
            if (c instanceof AddColumn a && a.table() != null && a.table().sameObject(drop.table())
                    && a.column().name().equals(drop.column())) {
                return true;
            }
            if (c instanceof CreateTable t && t.name().sameObject(drop.table())
                    && t.columns().stream().map(ColumnDef::name).anyMatch(n -> n.equals(drop.column()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean constraintAddedEarlier(DropConstraint drop, RuleContext ctx) {
        for (Change c : ctx.before()) {
            if (c instanceof AddConstraint a && a.name() != null && a.name().equals(drop.name())
                    && a.table() != null && a.table().sameObject(drop.table())) {
                return true;
            }
            if (c instanceof CreateTable t && t.name().sameObject(drop.table())
                    && t.constraints().stream().anyMatch(d -> drop.name().equals(d.name()))) {
                return true;
            }
        }
        return false;
    }

    /** In an Alembic revision the op call itself takes the fix. */
    @Override
    public List<Fix> fixOpCall(OpCall call, String text, AlembicVersion.Version version) {
        return OpCallEdits.keyword(call, text, version, "if_exists");
    }

    @Override
    public String byHand() {
        return OpCallEdits.GUARD_BY_HAND;
    }
}
