package dev.miglint.rules.alembic;

import dev.miglint.alembic.FunctionKind;
import dev.miglint.alembic.OpCall;
import dev.miglint.alembic.OpEffect;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.python.PyValue;
import dev.miglint.rules.Category;
import dev.miglint.rules.Finding;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

@RuleInfo(id = "alembic-irreversible", category = Category.CORRECTNESS, severity = Severity.WARNING, fixable = false, since = "0.1.0",
        summary = "an upgrade op with no inverse in downgrade()",
        help = "Each schema change in upgrade() should be undone in downgrade() (create_table by drop_table, "
                + "add_column by drop_column, create_index by drop_index …); one that is forgotten stays "
                + "behind after a downgrade and makes the next upgrade fail.")
public final class AlembicIrreversible implements RevisionRule {

    private static final Map<String, String> INVERSE = Map.ofEntries(
            Map.entry("create_table", "drop_table"), Map.entry("drop_table", "create_table"),
            Map.entry("add_column", "drop_column"), Map.entry("drop_column", "add_column"),
            Map.entry("create_index", "drop_index"), Map.entry("drop_index", "create_index"),
            Map.entry("drop_constraint", "create_…_constraint"),
            Map.entry("rename_table", "rename_table back"), Map.entry("alter_column", "alter_column"));

    @Override
    public void check(RevisionFile revision, List<Finding> out) {
        out.addAll(irreversible(revision));
    }

    private List<Finding> irreversible(RevisionFile file) {
        List<OpCall> down = file.calls(FunctionKind.DOWNGRADE);
        if (file.downgrade() == null || file.downgrade().isNoOp() || !judgeable(down)) {
            return List.of();
        }
        List<OpEffect> inverses = startingEffects(down.stream().flatMap(c -> OpEffect.of(c).stream()).toList());
        List<String> sql = down.stream().flatMap(c -> c.literalSql().stream()).map(PyValue.StringLit::value).toList();
        List<OpCall> calls = file.calls(FunctionKind.UPGRADE).stream().filter(c -> OpEffect.of(c).isPresent()).toList();
        List<OpEffect> effects = finalEffects(calls);
        boolean[] temporary = temporary(effects);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (!temporary[i] && !undone(effects.get(i), inverses, sql)) {
                out.add(finding(irreversibleMessage(calls.get(i), effects.get(i)),
                        calls.get(i).methodSpan()));
            }
        }
        return out;
    }

    /** Each upgrade effect under the names it ends up with, after the renames that follow it in upgrade(). */
    private static List<OpEffect> finalEffects(List<OpCall> calls) {
        List<OpEffect> plain = calls.stream().map(c -> OpEffect.of(c).orElseThrow()).toList();
        List<OpEffect> out = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            OpEffect e = plain.get(i);
            for (int j = i + 1; j < plain.size(); j++) {
                e = e.after(plain.get(j));
            }
            out.add(e);
        }
        return out;
    }

    /** Each downgrade effect under the names in use when downgrade() starts, i.e. when upgrade() ended. */
    private static List<OpEffect> startingEffects(List<OpEffect> plain) {
        List<OpEffect> out = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            OpEffect e = plain.get(i);
            for (int j = i - 1; j >= 0; j--) {
                e = e.before(plain.get(j));
            }
            out.add(e);
        }
        return out;
    }

    /** Objects created and dropped again within upgrade() (a helper index for a backfill): nothing to undo. */
    private static boolean[] temporary(List<OpEffect> effects) {
        boolean[] out = new boolean[effects.size()];
        for (int i = 0; i < effects.size(); i++) {
            for (int j = i + 1; j < effects.size() && !out[i]; j++) {
                OpEffect a = effects.get(i);
                OpEffect b = effects.get(j);
                if (!out[j] && a.sign() != 0 && a.named() && b.named() && a.undoneBy(b)) {
                    out[i] = true;
                    out[j] = true;
                }
            }
        }
        return out;
    }

    /**
     * A downgrade with no schema call (it raises, or works through helpers) or with SQL built at run
     * time may undo anything: comparing ops with it would only guess.
     */
    private static boolean judgeable(List<OpCall> down) {
        return down.stream().anyMatch(AlembicEmptyDowngrade::isChange)
                && down.stream().noneMatch(c -> c.isSqlExecution() && c.literalSql().isEmpty());
    }

    private static boolean undone(OpEffect effect, List<OpEffect> inverses, List<String> sql) {
        return inverses.stream().anyMatch(i -> effect.undoneBy(i) || effect.coveredByTable(i) || effect.coveredByColumn(i))
                || sql.stream().anyMatch(s -> mentionsAll(s, effect.words()));
    }

    /** Literal SQL in downgrade() that names the object, e.g. {@code DROP INDEX ix_a}, counts as its inverse. */
    private static boolean mentionsAll(String sql, List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        String lower = sql.toLowerCase(Locale.ROOT);
        return words.stream().allMatch(w -> Pattern.compile("(?<![\\w$])" + Pattern.quote(w.toLowerCase(Locale.ROOT))
                + "(?![\\w$])").matcher(lower).find());
    }

    private static String irreversibleMessage(OpCall call, OpEffect effect) {
        String inverse = INVERSE.getOrDefault(call.method(), "drop_constraint");
        String consequence = effect.sign() < 0 ? "a downgrade does not bring it back"
                : effect.sign() > 0 ? "a downgrade leaves it behind" : "a downgrade keeps the change";
        return "upgrade() calls " + call.method() + " on " + object(effect) + " but downgrade() has no "
                + inverse + " for it: " + consequence;
    }

    private static String object(OpEffect e) {
        String name = e.names().isEmpty() ? "(no literal name)" : e.names().get(0);
        String table = e.table() == null ? "?" : e.table();
        return switch (e.kind()) {
            case TABLE -> table;
            case COLUMN, ALTER_COLUMN -> table + "." + name;
            case INDEX, CONSTRAINT -> e.table() == null ? name : name + " on " + table;
            case RENAME_TABLE -> table + " → " + name;
        };
    }
}
