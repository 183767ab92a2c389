package dev.miglint.rules.alembic;

import dev.miglint.alembic.FunctionDef;
import dev.miglint.alembic.FunctionKind;
import dev.miglint.alembic.OpCall;
import dev.miglint.alembic.OpEffect;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.alembic.RevisionGraph;

import dev.miglint.python.Arg;
import dev.miglint.python.PyValue;

import dev.miglint.rules.Finding;
import dev.miglint.text.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Alembic history rules ({@link AlembicRule}): the graph rules over all revisions of one
 * versions folder, and the per-file rules that compare upgrade() with downgrade().
 */
public final class AlembicHistory {

    /** Calls that read, wrap or name things rather than change the schema. */
    private static final Set<String> NOT_CHANGES = Set.of("get_bind", "get_context", "f", "inline_literal",
            "batch_alter_table", "implementation_for", "invoke", "run_async");

    private static final Map<String, String> INVERSE = Map.ofEntries(
            Map.entry("create_table", "drop_table"), Map.entry("drop_table", "create_table"),
            Map.entry("add_column", "drop_column"), Map.entry("drop_column", "add_column"),
            Map.entry("create_index", "drop_index"), Map.entry("drop_index", "create_index"),
            Map.entry("drop_constraint", "create_…_constraint"),
            Map.entry("rename_table", "rename_table back"), Map.entry("alter_column", "alter_column"));

    private AlembicHistory() {
    }

    /**
     * Findings of every Alembic rule, keyed by file path in path order, each list in file order. Every
     * path given has a key, with an empty list when it is clean, so a caller can clear old findings.
     */
    public static Map<Path, List<Finding>> check(List<RevisionGraph.Entry> revisions) {
        Map<Path, List<Finding>> out = new TreeMap<>();
        for (RevisionGraph.Entry e : revisions) {
            out.computeIfAbsent(e.path(), p -> new ArrayList<>()).addAll(checkFile(e.file()));
        }
        RevisionGraph graph = RevisionGraph.of(revisions);
        multipleHeads(graph, out);
        brokenChain(graph, out);
        out.replaceAll((p, fs) -> fs.stream().sorted(Comparator.comparingInt(f -> f.range().start())).toList());
        return out;
    }

    /**
     * The findings of {@code file} alone among {@code revisions}: its own rules and what the graph says
     * of it. What an editor needs on each keystroke, without judging every other file again.
     */
    public static List<Finding> checkOne(List<RevisionGraph.Entry> revisions, Path file) {
        Map<Path, List<Finding>> out = new TreeMap<>();
        for (RevisionGraph.Entry e : revisions) {
            if (e.path().equals(file)) {
                out.put(file, new ArrayList<>(checkFile(e.file())));
            }
        }
        RevisionGraph graph = RevisionGraph.of(revisions);
        multipleHeads(graph, out);
        brokenChain(graph, out);
        return out.getOrDefault(file, List.of()).stream().sorted(Comparator.comparingInt(f -> f.range().start())).toList();
    }

    /** The rules that need only the file itself: empty-downgrade, irreversible, unanalysable-sql. */
    public static List<Finding> checkFile(RevisionFile file) {
        List<Finding> out = new ArrayList<>();
        emptyDowngrade(file).ifPresent(out::add);
        out.addAll(irreversible(file));
        out.addAll(unanalysableSql(file));
        return out;
    }

    // ---- alembic-multiple-heads

    private static void multipleHeads(RevisionGraph graph, Map<Path, List<Finding>> out) {
        List<String> heads = graph.heads();
        if (heads.size() < 2 || separatelyLabelled(graph)) {
            return;
        }
        String message = "The history has " + heads.size() + " heads (" + String.join(", ", heads)
                + ") and this is one of them: `alembic upgrade head` refuses to run until `alembic merge heads` "
                + "joins them";
        for (String head : heads) {
            RevisionGraph.Entry e = graph.revisions().get(head);
            add(out, e.path(), AlembicRule.MULTIPLE_HEADS.finding(message, e.file().revision().span()));
        }
    }

    /**
     * Heads that each carry a branch label of their own (on themselves or an ancestor) are independent
     * branches on purpose, upgraded with {@code alembic upgrade heads} or {@code label@head}.
     */
    private static boolean separatelyLabelled(RevisionGraph graph) {
        List<Set<String>> labels = graph.heads().stream().map(h -> labelsOf(graph, h)).toList();
        for (int i = 0; i < labels.size(); i++) {
            Set<String> own = new HashSet<>(labels.get(i));
            for (int j = 0; j < labels.size(); j++) {
                if (j != i) {
                    own.removeAll(labels.get(j));
                }
            }
            if (own.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> labelsOf(RevisionGraph graph, String head) {
        Set<String> labels = new HashSet<>();
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(head));
        while (!todo.isEmpty()) {
            String id = todo.remove(todo.size() - 1);
            RevisionGraph.Entry e = graph.revisions().get(id);
            if (e != null && seen.add(id)) {
                labels.addAll(e.file().branchLabelValues());
                todo.addAll(graph.parentsOf(id));
            }
        }
        return labels;
    }

    // ---- alembic-broken-chain

    private static void brokenChain(RevisionGraph graph, Map<Path, List<Finding>> out) {
        for (RevisionGraph.GraphProblem p : graph.problems()) {
            add(out, p.path(), AlembicRule.BROKEN_CHAIN.finding(p.message()
                    + ": Alembic cannot build its revision map until this is fixed", p.span()));
        }
    }

    // ---- alembic-empty-downgrade

    private static Optional<Finding> emptyDowngrade(RevisionFile file) {
        FunctionDef down = file.downgrade();
        List<OpCall> changes = file.calls(FunctionKind.UPGRADE).stream().filter(AlembicHistory::isChange).toList();
        if ((down != null && !down.isNoOp()) || changes.isEmpty()) {
            return Optional.empty();
        }
        String what = "upgrade() makes " + changes.size() + (changes.size() == 1 ? " change" : " changes")
                + " (first: " + changes.get(0).method() + ")";
        if (down == null) {
            return Optional.of(AlembicRule.EMPTY_DOWNGRADE.finding("There is no downgrade() while " + what
                    + ": `alembic downgrade` cannot undo this revision", anchor(file)));
        }
        Span at = down.nameSpan() != null ? down.nameSpan() : down.span();
        return Optional.of(AlembicRule.EMPTY_DOWNGRADE.finding("downgrade() does nothing while " + what
                + ": a downgrade would be recorded without undoing them", at));
    }

    private static boolean isChange(OpCall call) {
        return !NOT_CHANGES.contains(call.method());
    }

    /** The revision line, where a finding about the whole file goes. */
    private static Span anchor(RevisionFile file) {
        if (file.revision() != null) {
            return file.revision().span();
        }
        return file.upgrade() != null && file.upgrade().nameSpan() != null ? file.upgrade().nameSpan() : new Span(0, 0);
    }

    // ---- alembic-irreversible

    private static List<Finding> irreversible(RevisionFile file) {
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
                out.add(AlembicRule.IRREVERSIBLE.finding(irreversibleMessage(calls.get(i), effects.get(i)),
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
        return down.stream().anyMatch(AlembicHistory::isChange)
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

    // ---- alembic-unanalysable-sql

    private static List<Finding> unanalysableSql(RevisionFile file) {
        return file.calls().stream().filter(c -> c.isSqlExecution() && c.literalSql().isEmpty())
                .map(c -> AlembicRule.UNANALYSABLE_SQL.finding("miglint cannot check SQL built at run time: "
                        + c.receiver() + "." + c.method() + "() is given " + sqlArgument(c)
                        + ", so the SQL rules do not see this statement", c.span()))
                .toList();
    }

    private static String sqlArgument(OpCall call) {
        PyValue v = call.arg(0, "sqltext").or(() -> call.keyword("statement")).map(Arg::value).orElse(null);
        if (v instanceof PyValue.Call c && c.arg0() != null && (c.callee().equals("text") || c.callee().endsWith(".text"))) {
            v = c.arg0();
        }
        if (v == null) {
            return "no SQL argument it can read";
        }
        if (v instanceof PyValue.FStringLit) {
            return "an f-string";
        }
        if (v instanceof PyValue.Name n) {
            return "the variable " + n.dotted();
        }
        if (v instanceof PyValue.Call c) {
            return "the result of " + c.callee() + "(…)";
        }
        return v instanceof PyValue.StringLit ? "bytes" : "an expression";
    }

    private static void add(Map<Path, List<Finding>> out, Path path, Finding finding) {
        out.computeIfAbsent(path, p -> new ArrayList<>()).add(finding);
    }

    /**
     * {@code findings} of {@code text} without those its ignore comments silence: a
     * {@code # miglint-ignore-file <rule>: reason} anywhere, or {@code # miglint-ignore <rule>: reason}
     * on the line just above the finding.
     */
    public static List<Finding> withoutIgnored(List<Finding> findings, String text) {
        if (!text.contains("miglint-ignore")) {
            return findings;
        }
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            if (!ignored(f, text)) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static boolean ignored(Finding f, String text) {
        java.util.regex.Matcher file = Pattern.compile("(?m)^\\s*#\\s*miglint-ignore-file\\s+([^:\\n]*)").matcher(text);
        while (file.find()) {
            if (names(file.group(1), f.rule())) {
                return true;
            }
        }
        int lineStart = text.lastIndexOf('\n', Math.max(0, f.range().start() - 1));
        if (lineStart <= 0) {
            return false;
        }
        int previousStart = text.lastIndexOf('\n', lineStart - 1) + 1;
        java.util.regex.Matcher above = Pattern.compile("^\\s*#\\s*miglint-ignore\\s+([^:\\n]*)")
                .matcher(text.substring(previousStart, lineStart));
        return above.find() && names(above.group(1), f.rule());
    }

    private static boolean names(String rules, String rule) {
        for (String id : rules.split("[,\\s]+")) {
            if (id.equals(rule)) {
                return true;
            }
        }
        return false;
    }
}
