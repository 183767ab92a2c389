package dev.miglint.rules.locking;

import dev.miglint.change.Change;
import dev.miglint.change.Change.SetConfig;
import dev.miglint.change.Name;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.text.Span;
import dev.miglint.text.TextEdit;

import java.util.List;
import java.util.Optional;

@RuleInfo(
        id = "require-lock-timeout",
        summary = "Lock-taking DDL on an existing table needs SET lock_timeout earlier in the file",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        fixable = true,
        since = "0.1.0",
        optIn = true,
        help = "A statement that needs a strong lock waits behind every query still running on the table, and "
                + "while it waits, every new query on the table queues behind it: one slow report turns a "
                + "millisecond ALTER TABLE into an outage. SET lock_timeout = '5s' (or SET LOCAL inside a "
                + "transaction) before the first such statement makes it give up instead; retry the migration "
                + "later. Applies to ALTER TABLE, CREATE INDEX without CONCURRENTLY, DROP TABLE/INDEX/TRIGGER/"
                + "POLICY, CREATE TRIGGER/POLICY/RULE, TRUNCATE, LOCK, REINDEX and REFRESH MATERIALIZED VIEW on "
                + "tables not created in the same file. Off by default: enable it with \"require-lock-timeout\": "
                + "\"warning\".")
public final class RequireLockTimeout implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        Needs needs = needs(ctx);
        if (!needs.at[ctx.index()]) {
            return;
        }
        String mode = Locks.lockOf(change).orElseThrow();
        Name table = Locks.tableOf(change);
        String on = table == null ? "its table" : table.toString();
        String message = "No lock_timeout is set: while this statement waits for its " + mode + " lock on " + on
                + ", every new query on " + on + " that conflicts with it queues behind it; SET lock_timeout "
                + "earlier in the file";
        if (needs.first == ctx.index()) {
            Span block = change.statement().guard().doBlock();
            int at = block != null ? block.start() : change.statement().span().start();
            ctx.report(change, message, new Fix("Set lock_timeout to 5s first",
                    List.of(TextEdit.insert(at, "SET lock_timeout = '5s';\n"))));
        } else {
            ctx.report(change, message);
        }
    }

    /** Which changes of the file need a timeout, and the first of them (which carries the fix). */
    private record Needs(boolean[] at, int first) {
    }

    /**
     * One pass over the file: a change needs a timeout when it takes a lock that blocks writes on a
     * table the file did not create before it, while no lock_timeout is in force.
     */
    private static Needs needs(RuleContext ctx) {
        return ctx.perFile(RequireLockTimeout.class, () -> {
            List<Change> all = ctx.changes();
            boolean[] at = new boolean[all.size()];
            int first = -1;
            boolean timeout = false;
            for (int i = 0; i < all.size(); i++) {
                Change c = all.get(i);
                if (c instanceof SetConfig s && "lock_timeout".equals(s.parameter())) {
                    timeout = !s.reset() && s.value() != null && !isZero(s.value());
                    continue;
                }
                Optional<String> mode = Locks.lockOf(c);
                if (timeout || mode.isEmpty() || !Locks.blocksWrites(mode.get())) {
                    continue;
                }
                Name table = Locks.tableOf(c);
                if (table == null || !ctx.createdInThisFileBefore(table, i)) {
                    at[i] = true;
                    first = first < 0 ? i : first;
                }
            }
            return new Needs(at, first);
        });
    }

    private static boolean isZero(String value) {
        String v = value.trim().replace("'", "");
        return v.equals("0") || v.equalsIgnoreCase("default");
    }
}
