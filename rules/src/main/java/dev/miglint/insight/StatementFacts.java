package dev.miglint.insight;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.AlterColumn;
import dev.miglint.change.Change.AlterColumnType;
import dev.miglint.change.Change.AlterTable;
import dev.miglint.change.Change.Comment;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.Change.Delete;
import dev.miglint.change.Change.DoBlock;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Change.DropColumn;
import dev.miglint.change.Change.DropConstraint;
import dev.miglint.change.Change.Insert;
import dev.miglint.change.Change.Privilege;
import dev.miglint.change.Change.RenameColumn;
import dev.miglint.change.Change.RenameConstraint;
import dev.miglint.change.Change.RenameTable;
import dev.miglint.change.Change.Select;
import dev.miglint.change.Change.SetConfig;
import dev.miglint.change.Change.Transaction;
import dev.miglint.change.Change.Update;
import dev.miglint.change.Change.Utility;
import dev.miglint.change.Change.ValidateConstraint;
import dev.miglint.change.ColumnDef;
import dev.miglint.change.ConstraintKind;
import dev.miglint.change.Name;
import dev.miglint.config.Settings;
import dev.miglint.rules.destructive.TypeChanges;
import dev.miglint.rules.idempotency.Reruns;
import dev.miglint.rules.locking.ColumnFacts;
import dev.miglint.rules.locking.Locks;
import dev.miglint.schema.ColumnInfo;
import dev.miglint.schema.SchemaModel;
import dev.miglint.schema.TableInfo;
import dev.miglint.sql.syntax.Guard;
import dev.miglint.sql.syntax.SqlState;

import java.util.Locale;
import java.util.Optional;

/**
 * What one change costs and risks: the lock it takes, whether it rewrites its table, whether it
 * can run again. Built from the same helpers the rules use ({@link Locks}, {@link TypeChanges},
 * {@link ColumnFacts}, {@link Reruns}), so a hover never contradicts a finding.
 *
 * @param lockMode    the lock mode, e.g. "ACCESS EXCLUSIVE", or null when it locks no existing table
 * @param lockedTable the table locked, or null when the statement does not name it
 * @param rewrite     whether the table's rows are rewritten; {@code why} may be null
 * @param rerun       whether running it a second time succeeds and changes nothing
 */
public record StatementFacts(Change change, String what, String lockMode, Name lockedTable, Verdict rewrite,
                             Verdict rerun) {

    /** A yes/no/it-depends answer with its reason. */
    public record Verdict(Answer answer, String why) {
        static Verdict yes(String why) {
            return new Verdict(Answer.YES, why);
        }

        static Verdict no(String why) {
            return new Verdict(Answer.NO, why);
        }

        static Verdict maybe(String why) {
            return new Verdict(Answer.MAYBE, why);
        }
    }

    public enum Answer { YES, NO, MAYBE }

    /** Facts of {@code change}, which runs against {@code before}; settings give the server version. */
    public static StatementFacts of(Change change, SchemaModel before, Settings settings) {
        Optional<String> lock = Locks.lockOf(change);
        return new StatementFacts(change, Describe.label(change), lock.orElse(null),
                lock.isPresent() ? Locks.tableOf(change) : null, rewrite(change, before, settings), rerun(change));
    }

    // ---- rewrite ----

    static Verdict rewrite(Change change, SchemaModel before, Settings settings) {
        if (change instanceof AlterColumnType t) {
            return typeChange(t, before);
        }
        if (change instanceof AddColumn a) {
            return addColumn(a, settings);
        }
        if (change instanceof AlterTable t) {
            String action = t.action().toUpperCase(Locale.ROOT);
            for (String rewriting : new String[] {"SET TABLESPACE", "SET LOGGED", "SET UNLOGGED", "SET ACCESS METHOD"}) {
                if (action.startsWith(rewriting)) {
                    return Verdict.yes(rewriting + " copies every row and index");
                }
            }
            return Verdict.no(null);
        }
        if (change instanceof AlterColumn a && a.action().equals("SET NOT NULL")) {
            return Verdict.no("but every row is scanned to check for NULLs, unless a valid CHECK (… IS NOT NULL) proves it");
        }
        if (change instanceof AddConstraint c && !c.notValid() && !c.usingIndex()) {
            return Verdict.no(c.constraintKind() == ConstraintKind.UNIQUE || c.constraintKind() == ConstraintKind.PRIMARY_KEY
                    ? "but an index is built over every row" : "but every row is scanned to validate it");
        }
        if (change instanceof Utility u) {
            return utility(u);
        }
        return Locks.lockOf(change).isPresent() ? Verdict.no(null) : null;
    }

    private static Verdict typeChange(AlterColumnType t, SchemaModel before) {
        TableInfo table = before.table(t.table());
        ColumnInfo column = table == null ? null : table.column(t.column());
        String from = column == null || column.type() == null || column.type().isBlank() ? null : column.type().trim();
        boolean using = t.using() || TypeChanges.collates(t);
        String fromTo = (from == null ? "" : " from " + from) + " to " + t.type();
        return switch (TypeChanges.of(from, t.type(), using)) {
            case NO -> Verdict.no(fromTo.trim() + " changes only the catalog");
            case YES -> Verdict.yes("every row and index is rewritten" + (using ? " (" + (t.using() ? "USING" : "COLLATE")
                    + ")" : "") + " changing" + fromTo);
            case UNLESS_UTC -> Verdict.maybe("timestamp to timestamptz is in place on PostgreSQL 12+ only when the "
                    + "session TimeZone is UTC");
            case UNKNOWN -> Verdict.maybe(from == null ? "the column's current type is unknown to miglint"
                    : "miglint cannot tell for" + fromTo);
        };
    }

    /** The same cause ban-volatile-default reports, so hover and finding agree. */
    private static Verdict addColumn(AddColumn a, Settings settings) {
        ColumnDef column = a.column();
        String cause = ColumnFacts.rewriteCause(column, a.statement().source(), settings.postgresVersion());
        if (cause != null) {
            return Verdict.yes("the column " + cause);
        }
        return Verdict.no(ColumnFacts.hasDefault(column) ? "a non-volatile DEFAULT is kept in the catalog" : null);
    }

    private static Verdict utility(Utility u) {
        return switch (u.command()) {
            case "VACUUM" -> has(u, "FULL") ? Verdict.yes("VACUUM FULL writes a new copy of the table")
                    : Verdict.no(null);
            case "CLUSTER" -> Verdict.yes("CLUSTER writes a new copy of the table in index order");
            case "REFRESH MATERIALIZED VIEW" -> Verdict.yes("the view's rows are computed and written again");
            case "REINDEX" -> Verdict.no("but the indexes are rebuilt");
            default -> Locks.lockOf(u).isPresent() ? Verdict.no(null) : null;
        };
    }

    private static boolean has(Utility u, String word) {
        for (int i = 0; i < u.statement().size(); i++) {
            if (u.statement().isWord(i, word)) {
                return true;
            }
        }
        return false;
    }

    // ---- re-run ----

    static Verdict rerun(Change change) {
        Guard guard = change.statement().guard();
        Optional<SqlState> raised = Reruns.raisedAgain(change);
        if (raised.isEmpty()) {
            raised = renamed(change);
        }
        if (raised.isPresent()) {
            SqlState state = raised.get();
            if (guard.checksExistence()) {
                return Verdict.yes("the IF around it checks first");
            }
            if (guard.catches(state)) {
                return Verdict.yes("the DO block's handler catches " + state.name());
            }
            return Verdict.no("raises " + state + " the second time" + remedy(change, guard));
        }
        return unraised(change);
    }

    /** A rename fails once done: the old name is gone. */
    private static Optional<SqlState> renamed(Change change) {
        if (change instanceof RenameColumn) {
            return Optional.of(SqlState.UNDEFINED_COLUMN);
        }
        if (change instanceof RenameTable) {
            return Optional.of(SqlState.UNDEFINED_TABLE);
        }
        if (change instanceof RenameConstraint) {
            return Optional.of(SqlState.UNDEFINED_OBJECT);
        }
        return Optional.empty();
    }

    private static String remedy(Change change, Guard guard) {
        if (guard.hasHandlers()) {
            return ", which the DO block's handler does not catch";
        }
        if (change instanceof Drop || change instanceof DropColumn || change instanceof DropConstraint) {
            return ": add IF EXISTS";
        }
        if (change instanceof CreateTable || change instanceof CreateIndex || change instanceof AddColumn
                || change instanceof CreateObject o && o.guardAt() >= 0) {
            return ": add IF NOT EXISTS";
        }
        return ": wrap it in a DO block that catches it";
    }

    /** Changes Reruns says raise nothing: guarded forms, repeatable statements, and silent duplicates. */
    private static Verdict unraised(Change change) {
        if (change instanceof CreateTable t) {
            return Verdict.yes(t.ifNotExists() ? "IF NOT EXISTS" : "a temporary table lasts one session");
        }
        if (change instanceof CreateIndex i) {
            return i.ifNotExists() ? Verdict.yes("IF NOT EXISTS") : Verdict.no("an unnamed index is created again each run");
        }
        if (change instanceof CreateObject o) {
            return o.ifNotExists() ? Verdict.yes("IF NOT EXISTS")
                    : o.orReplace() ? Verdict.yes("OR REPLACE") : Verdict.maybe(null);
        }
        if (change instanceof AddColumn || change instanceof Drop || change instanceof DropColumn
                || change instanceof DropConstraint) {
            return Verdict.yes(change instanceof AddColumn ? "IF NOT EXISTS" : "IF EXISTS");
        }
        if (change instanceof AddConstraint c) {
            return c.usingIndex() ? Verdict.no("the index it uses was renamed by the first run")
                    : Verdict.no("an unnamed constraint is added again under a new name");
        }
        if (change instanceof Insert i) {
            return i.onConflict() || i.whereNotExists() ? Verdict.yes(i.onConflict() ? "ON CONFLICT" : "WHERE NOT EXISTS")
                    : Verdict.no("inserts the rows again, or fails on a unique key");
        }
        if (change instanceof DoBlock block) {
            return doBlock(block);
        }
        if (change instanceof Update || change instanceof Delete || change instanceof Select
                || change instanceof SetConfig || change instanceof Transaction || change instanceof Comment
                || change instanceof Privilege || change instanceof AlterColumn || change instanceof AlterColumnType
                || change instanceof ValidateConstraint || change instanceof Utility) {
            return Verdict.yes(null);
        }
        return Verdict.maybe(null);
    }

    /** A DO block re-runs when each statement in it does. */
    private static Verdict doBlock(DoBlock block) {
        Answer answer = Answer.YES;
        String why = null;
        for (Change inner : block.inner()) {
            Verdict v = rerun(inner);
            if (v.answer() == Answer.NO) {
                return Verdict.no(Describe.label(inner) + " " + (v.why() == null ? "fails" : v.why()));
            }
            if (v.answer() == Answer.MAYBE && answer == Answer.YES) {
                answer = Answer.MAYBE;
                why = "miglint cannot tell for " + Describe.label(inner);
            }
        }
        return new Verdict(answer, why);
    }

    /** Short Markdown lines, one per fact, for a hover. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("**").append(Markdown.escape(what)).append("**\n\n");
        if (lockMode != null) {
            md.append("- Lock: `").append(lockMode).append('`');
            if (lockedTable != null) {
                md.append(" on `").append(lockedTable).append('`');
            }
            md.append(", ").append(Locks.blocks(lockMode)).append('\n');
        } else if (!(change instanceof DoBlock)) {
            md.append("- Lock: none on an existing table\n");
        }
        line(md, "Rewrites the table", rewrite);
        line(md, "Can be re-run", rerun);
        return md.toString();
    }

    private static void line(StringBuilder md, String label, Verdict v) {
        if (v == null || v.answer() == Answer.MAYBE && v.why() == null) {
            return;
        }
        String answer = switch (v.answer()) {
            case YES -> "yes";
            case NO -> "no";
            case MAYBE -> "maybe";
        };
        md.append("- ").append(label).append(": ").append(answer);
        if (v.why() != null) {
            md.append(v.why().startsWith("but") ? ", " : " — ").append(Markdown.escape(v.why()));
        }
        md.append('\n');
    }
}
